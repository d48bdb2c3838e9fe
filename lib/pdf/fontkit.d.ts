// The part of fontkit's API the PDFs use (the package ships no types). pdfkit depends on the same
// fontkit and accepts a font parsed by it wherever it accepts font bytes.
declare module "fontkit" {
  export type Font = { readonly postscriptName: string; layout(text: string): unknown };
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
