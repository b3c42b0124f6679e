import { modelSuite } from './suite'

modelSuite(1)
