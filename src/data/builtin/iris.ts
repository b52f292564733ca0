import { IRIS_COLUMNS, IRIS_ROWS } from './iris-table.js';
import type { BuiltinSet } from './set.js';

const SPECIES = ['setosa', 'versicolor', 'virginica'] as const;

/**
 * `builtin:iris`: the real 150-flower data, shipped (not generated), in the classic order of
 * 50 setosa, 50 versicolor, 50 virginica; the split shuffles it, so the order does not leak.
 */
export const IRIS: BuiltinSet = {
  name: 'iris',
  summary: "Fisher's iris flowers, 4 measurements, 3 species (classification)",
  header: IRIS_COLUMNS,
  defaultTarget: ['species'],
  n: 150,
  noise: null,
  describe: () =>
    "Fisher's iris data (Anderson 1935; Fisher 1936, as in R and scikit-learn): 150 flowers, 4 measurements in cm, 3 species. Public domain.",
  *rows() {
    for (const species of SPECIES) {
      for (const line of IRIS_ROWS[species]) yield [...line.split(','), species];
    }
  },
};
