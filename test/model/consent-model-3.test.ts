import { modelSuite } from './suite'

modelSuite(3)
