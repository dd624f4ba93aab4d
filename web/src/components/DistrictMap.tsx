/** Colour of a unit by the share of its stations up: the wall's thresholds, not the plan's. */
export function availabilityTone(share: number | null): DistrictCell['tone'] {
  if (share === null) return 'none';
  return share >= 99 ? 'good' : share >= 95 ? 'warn' : 'bad';
}

export interface DistrictCell {
  code: string;
  name: string;
  communes: number;
  value: number | null;
  caption: string;
  tone: 'good' | 'warn' | 'bad' | 'none';
}

const columns = 3;
const cellWidth = 200;
const gap = 8;

/**
 * A schematic map of the province: one cell per district in code order, each with a dot per
 * commune, coloured by state. No geography is served by the graph, so nothing pretends to be one.
 */
export function DistrictMap({ districts, label, onSelect }: { districts: DistrictCell[]; label: string; onSelect?: (code: string) => void }) {
  const rows = Math.max(1, Math.ceil(districts.length / columns));
  // Communes have no subdivisions: their cells need no room for dots.
  const cellHeight = districts.some((district) => district.communes > 0) ? 120 : 64;
  const width = columns * cellWidth + (columns - 1) * gap;
  const height = rows * cellHeight + (rows - 1) * gap;
  return (
    <svg className="district-map" viewBox={`0 0 ${width} ${height}`} role="group" aria-label={label}>
      {districts.map((district, index) => {
        const x = (index % columns) * (cellWidth + gap);
        const y = Math.floor(index / columns) * (cellHeight + gap);
        const perRow = 12;
        return (
          <g
            key={district.code}
            transform={`translate(${x} ${y})`}
            className={`district tone-${district.tone}`}
            data-unit={district.code}
            tabIndex={onSelect ? 0 : undefined}
            role={onSelect ? 'link' : undefined}
            onClick={() => onSelect?.(district.code)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                onSelect?.(district.code);
              }
            }}
          >
            <rect width={cellWidth} height={cellHeight} rx={10} />
            <text x={10} y={24} className="district-name">
              {district.name}
            </text>
            <text x={10} y={48} className="district-caption">
              {district.caption}
            </text>
            {Array.from({ length: district.communes }, (_, commune) => (
              <circle key={commune} cx={16 + (commune % perRow) * 15} cy={68 + Math.floor(commune / perRow) * 14} r={4.5} className="commune-dot" />
            ))}
          </g>
        );
      })}
    </svg>
  );
}
