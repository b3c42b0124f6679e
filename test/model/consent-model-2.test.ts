import { modelSuite } from './suite'

modelSuite(2)
