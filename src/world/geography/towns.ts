/**
 * The towns of England where the generated world puts its schools, its farm residences for
 * leavers and its recovery centres. Coordinates are WGS84 degrees for each town's centre, to
 * three decimals (about a hundred metres), spread over every English region so that a
 * generated programme covers the whole country rather than clustering in the south-east. The
 * real East Sussex town of Hailsham is left out on purpose: its name belongs to the school.
 */

/** England's nine regions, as the towns table names them. */
export type Region =
  | 'North East'
  | 'North West'
  | 'Yorkshire and the Humber'
  | 'East Midlands'
  | 'West Midlands'
  | 'East of England'
  | 'London'
  | 'South East'
  | 'South West';

/** A real English town: its name, centre in WGS84 degrees, and region. */
export interface Town {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly region: Region;
}

/** The regions in a fixed order, north to south, for tables and deterministic iteration. */
export const REGIONS: readonly Region[] = [
  'North East',
  'North West',
  'Yorkshire and the Humber',
  'East Midlands',
  'West Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
];

/** About 125 English towns and cities, grouped by region; the order is stable and part of the contract. */
export const TOWNS: readonly Town[] = [
  // North East
  { name: 'Berwick-upon-Tweed', lat: 55.771, lon: -2.005, region: 'North East' },
  { name: 'Alnwick', lat: 55.413, lon: -1.706, region: 'North East' },
  { name: 'Hexham', lat: 54.971, lon: -2.101, region: 'North East' },
  { name: 'Newcastle upon Tyne', lat: 54.978, lon: -1.618, region: 'North East' },
  { name: 'Sunderland', lat: 54.906, lon: -1.381, region: 'North East' },
  { name: 'Durham', lat: 54.776, lon: -1.576, region: 'North East' },
  { name: 'Hartlepool', lat: 54.691, lon: -1.212, region: 'North East' },
  { name: 'Middlesbrough', lat: 54.576, lon: -1.235, region: 'North East' },
  { name: 'Darlington', lat: 54.524, lon: -1.553, region: 'North East' },

  // North West
  { name: 'Carlisle', lat: 54.892, lon: -2.932, region: 'North West' },
  { name: 'Penrith', lat: 54.664, lon: -2.752, region: 'North West' },
  { name: 'Keswick', lat: 54.601, lon: -3.135, region: 'North West' },
  { name: 'Whitehaven', lat: 54.549, lon: -3.587, region: 'North West' },
  { name: 'Kendal', lat: 54.328, lon: -2.746, region: 'North West' },
  { name: 'Barrow-in-Furness', lat: 54.111, lon: -3.227, region: 'North West' },
  { name: 'Lancaster', lat: 54.047, lon: -2.801, region: 'North West' },
  { name: 'Blackpool', lat: 53.817, lon: -3.05, region: 'North West' },
  { name: 'Preston', lat: 53.763, lon: -2.703, region: 'North West' },
  { name: 'Southport', lat: 53.646, lon: -3.005, region: 'North West' },
  { name: 'Liverpool', lat: 53.408, lon: -2.991, region: 'North West' },
  { name: 'Manchester', lat: 53.481, lon: -2.242, region: 'North West' },
  { name: 'Chester', lat: 53.193, lon: -2.893, region: 'North West' },
  { name: 'Crewe', lat: 53.099, lon: -2.441, region: 'North West' },

  // Yorkshire and the Humber
  { name: 'Whitby', lat: 54.486, lon: -0.615, region: 'Yorkshire and the Humber' },
  { name: 'Northallerton', lat: 54.339, lon: -1.434, region: 'Yorkshire and the Humber' },
  { name: 'Scarborough', lat: 54.283, lon: -0.4, region: 'Yorkshire and the Humber' },
  { name: 'Bridlington', lat: 54.083, lon: -0.192, region: 'Yorkshire and the Humber' },
  { name: 'Harrogate', lat: 53.992, lon: -1.541, region: 'Yorkshire and the Humber' },
  { name: 'York', lat: 53.96, lon: -1.082, region: 'Yorkshire and the Humber' },
  { name: 'Leeds', lat: 53.8, lon: -1.549, region: 'Yorkshire and the Humber' },
  { name: 'Bradford', lat: 53.795, lon: -1.759, region: 'Yorkshire and the Humber' },
  { name: 'Kingston upon Hull', lat: 53.745, lon: -0.336, region: 'Yorkshire and the Humber' },
  { name: 'Wakefield', lat: 53.683, lon: -1.499, region: 'Yorkshire and the Humber' },
  { name: 'Huddersfield', lat: 53.646, lon: -1.785, region: 'Yorkshire and the Humber' },
  { name: 'Grimsby', lat: 53.567, lon: -0.081, region: 'Yorkshire and the Humber' },
  { name: 'Doncaster', lat: 53.523, lon: -1.133, region: 'Yorkshire and the Humber' },
  { name: 'Sheffield', lat: 53.381, lon: -1.47, region: 'Yorkshire and the Humber' },

  // East Midlands
  { name: 'Lincoln', lat: 53.231, lon: -0.54, region: 'East Midlands' },
  { name: 'Chesterfield', lat: 53.235, lon: -1.422, region: 'East Midlands' },
  { name: 'Buxton', lat: 53.259, lon: -1.911, region: 'East Midlands' },
  { name: 'Skegness', lat: 53.144, lon: 0.336, region: 'East Midlands' },
  { name: 'Mansfield', lat: 53.143, lon: -1.196, region: 'East Midlands' },
  { name: 'Boston', lat: 52.979, lon: -0.027, region: 'East Midlands' },
  { name: 'Nottingham', lat: 52.954, lon: -1.158, region: 'East Midlands' },
  { name: 'Derby', lat: 52.922, lon: -1.476, region: 'East Midlands' },
  { name: 'Grantham', lat: 52.912, lon: -0.641, region: 'East Midlands' },
  { name: 'Leicester', lat: 52.637, lon: -1.14, region: 'East Midlands' },
  { name: 'Kettering', lat: 52.398, lon: -0.726, region: 'East Midlands' },
  { name: 'Northampton', lat: 52.237, lon: -0.897, region: 'East Midlands' },

  // West Midlands
  { name: 'Stoke-on-Trent', lat: 53.003, lon: -2.18, region: 'West Midlands' },
  { name: 'Stafford', lat: 52.806, lon: -2.117, region: 'West Midlands' },
  { name: 'Shrewsbury', lat: 52.708, lon: -2.754, region: 'West Midlands' },
  { name: 'Telford', lat: 52.677, lon: -2.448, region: 'West Midlands' },
  { name: 'Wolverhampton', lat: 52.587, lon: -2.129, region: 'West Midlands' },
  { name: 'Birmingham', lat: 52.486, lon: -1.89, region: 'West Midlands' },
  { name: 'Coventry', lat: 52.407, lon: -1.512, region: 'West Midlands' },
  { name: 'Ludlow', lat: 52.367, lon: -2.718, region: 'West Midlands' },
  { name: 'Warwick', lat: 52.282, lon: -1.585, region: 'West Midlands' },
  { name: 'Worcester', lat: 52.192, lon: -2.22, region: 'West Midlands' },
  { name: 'Stratford-upon-Avon', lat: 52.192, lon: -1.708, region: 'West Midlands' },
  { name: 'Hereford', lat: 52.056, lon: -2.716, region: 'West Midlands' },

  // East of England
  { name: 'Hunstanton', lat: 52.939, lon: 0.491, region: 'East of England' },
  { name: 'Cromer', lat: 52.931, lon: 1.302, region: 'East of England' },
  { name: "King's Lynn", lat: 52.754, lon: 0.398, region: 'East of England' },
  { name: 'Norwich', lat: 52.63, lon: 1.297, region: 'East of England' },
  { name: 'Great Yarmouth', lat: 52.608, lon: 1.73, region: 'East of England' },
  { name: 'Peterborough', lat: 52.57, lon: -0.241, region: 'East of England' },
  { name: 'Lowestoft', lat: 52.475, lon: 1.75, region: 'East of England' },
  { name: 'Bury St Edmunds', lat: 52.246, lon: 0.712, region: 'East of England' },
  { name: 'Cambridge', lat: 52.205, lon: 0.122, region: 'East of England' },
  { name: 'Bedford', lat: 52.136, lon: -0.467, region: 'East of England' },
  { name: 'Ipswich', lat: 52.059, lon: 1.155, region: 'East of England' },
  { name: 'Colchester', lat: 51.889, lon: 0.901, region: 'East of England' },
  { name: 'Luton', lat: 51.879, lon: -0.417, region: 'East of England' },
  { name: 'Chelmsford', lat: 51.736, lon: 0.469, region: 'East of England' },
  { name: 'Southend-on-Sea', lat: 51.538, lon: 0.714, region: 'East of England' },

  // London (a few boroughs)
  { name: 'Hackney', lat: 51.545, lon: -0.055, region: 'London' },
  { name: 'Camden', lat: 51.539, lon: -0.142, region: 'London' },
  { name: 'Westminster', lat: 51.497, lon: -0.137, region: 'London' },
  { name: 'Greenwich', lat: 51.482, lon: -0.009, region: 'London' },
  { name: 'Richmond upon Thames', lat: 51.461, lon: -0.303, region: 'London' },
  { name: 'Croydon', lat: 51.372, lon: -0.099, region: 'London' },

  // South East
  { name: 'Milton Keynes', lat: 52.041, lon: -0.759, region: 'South East' },
  { name: 'Banbury', lat: 52.063, lon: -1.34, region: 'South East' },
  { name: 'Aylesbury', lat: 51.816, lon: -0.813, region: 'South East' },
  { name: 'Oxford', lat: 51.752, lon: -1.258, region: 'South East' },
  { name: 'Reading', lat: 51.454, lon: -0.978, region: 'South East' },
  { name: 'Canterbury', lat: 51.28, lon: 1.079, region: 'South East' },
  { name: 'Maidstone', lat: 51.272, lon: 0.522, region: 'South East' },
  { name: 'Guildford', lat: 51.236, lon: -0.57, region: 'South East' },
  { name: 'Ashford', lat: 51.146, lon: 0.875, region: 'South East' },
  { name: 'Tunbridge Wells', lat: 51.132, lon: 0.263, region: 'South East' },
  { name: 'Dover', lat: 51.128, lon: 1.313, region: 'South East' },
  { name: 'Folkestone', lat: 51.081, lon: 1.166, region: 'South East' },
  { name: 'Winchester', lat: 51.063, lon: -1.308, region: 'South East' },
  { name: 'Southampton', lat: 50.91, lon: -1.404, region: 'South East' },
  { name: 'Lewes', lat: 50.873, lon: 0.009, region: 'South East' },
  { name: 'Hastings', lat: 50.855, lon: 0.573, region: 'South East' },
  { name: 'Chichester', lat: 50.837, lon: -0.78, region: 'South East' },
  { name: 'Brighton', lat: 50.822, lon: -0.137, region: 'South East' },
  { name: 'Littlehampton', lat: 50.811, lon: -0.54, region: 'South East' },
  { name: 'Portsmouth', lat: 50.805, lon: -1.087, region: 'South East' },
  { name: 'Eastbourne', lat: 50.768, lon: 0.29, region: 'South East' },
  { name: 'Newport, Isle of Wight', lat: 50.701, lon: -1.292, region: 'South East' },

  // South West
  { name: 'Cheltenham', lat: 51.9, lon: -2.078, region: 'South West' },
  { name: 'Gloucester', lat: 51.865, lon: -2.244, region: 'South West' },
  { name: 'Swindon', lat: 51.558, lon: -1.782, region: 'South West' },
  { name: 'Bristol', lat: 51.454, lon: -2.588, region: 'South West' },
  { name: 'Bath', lat: 51.381, lon: -2.359, region: 'South West' },
  { name: 'Barnstaple', lat: 51.08, lon: -4.058, region: 'South West' },
  { name: 'Salisbury', lat: 51.069, lon: -1.795, region: 'South West' },
  { name: 'Taunton', lat: 51.015, lon: -3.103, region: 'South West' },
  { name: 'Yeovil', lat: 50.942, lon: -2.633, region: 'South West' },
  { name: 'Exeter', lat: 50.726, lon: -3.527, region: 'South West' },
  { name: 'Bournemouth', lat: 50.72, lon: -1.88, region: 'South West' },
  { name: 'Dorchester', lat: 50.715, lon: -2.437, region: 'South West' },
  { name: 'Weymouth', lat: 50.614, lon: -2.457, region: 'South West' },
  { name: 'Torquay', lat: 50.462, lon: -3.525, region: 'South West' },
  { name: 'Newquay', lat: 50.415, lon: -5.073, region: 'South West' },
  { name: 'Plymouth', lat: 50.376, lon: -4.143, region: 'South West' },
  { name: 'Truro', lat: 50.263, lon: -5.051, region: 'South West' },
  { name: 'St Ives', lat: 50.211, lon: -5.48, region: 'South West' },
  { name: 'Falmouth', lat: 50.152, lon: -5.066, region: 'South West' },
  { name: 'Penzance', lat: 50.119, lon: -5.537, region: 'South West' },
];
