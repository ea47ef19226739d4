/** A person's roster colour. Decorative: the name always stands beside it. */
export function ColourSwatch({ colour }: { colour: string }) {
  return <span className="swatch" aria-hidden="true" style={{ backgroundColor: colour }} />;
}
