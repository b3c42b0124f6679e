/** `layout` and `position`: a bar takes an edge, a box a corner. */
import type { Position } from '../types'
import { oneOf } from './check'

const POSITIONS: Record<string, Position[]> = {
  bar: ['bottom', 'top'],
  box: ['bottom-right', 'bottom-left', 'top-right', 'top-left']
}

export const checkLayout = (v: unknown) => oneOf(v, 'layout', ['bar', 'box'] as const)
export const checkPosition = (v: unknown, layout: string): Position => oneOf(v, 'position', POSITIONS[layout]!)
