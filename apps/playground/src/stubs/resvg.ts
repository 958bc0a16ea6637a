/**
 * Stand-in for `@resvg/resvg-js` (a native Node addon objgraph uses for PNG output) in the
 * browser bundle: PNG rendering is not available in the playground; SVG and DOT are.
 */
export class Resvg {
  constructor() {
    throw new Error('PNG output is not available in the browser; write .dot or .svg files instead');
  }
}
export default { Resvg };
