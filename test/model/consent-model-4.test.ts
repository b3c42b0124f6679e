import { modelSuite } from './suite'

modelSuite(4)
