/** @type {import('next').NextConfig} */
export default {
  // This app sits inside the Cookiegate repository, whose own lockfile is one level up: build
  // from this folder. (A standalone app needs no such line.)
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname
}
