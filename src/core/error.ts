/**
 * What Cookiegate throws: `CookiegateConfigError` for a bad config, this class itself when it is
 * created where it cannot work (no DOM). `error instanceof CookiegateError` catches both.
 */
export class CookiegateError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CookiegateError'
  }
}
