/**
 * Officials' pages use the screen's width (wide tables and charts side by side) instead of the
 * site's reading width; on a phone this is the same full width.
 */
export default function OfficialLayout({ children }: { children: React.ReactNode }) {
  return <div className="official-wide lg:relative lg:left-1/2 lg:w-[94vw] lg:max-w-[1800px] lg:-translate-x-1/2">{children}</div>;
}
