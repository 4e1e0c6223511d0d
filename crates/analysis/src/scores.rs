//! Scores per node (or per link) and their ranking.

use std::cmp::Ordering;

/// One score per node (or per link), in ascending graph index.
///
/// `K` is the graph's handle type: `NodeIndex` for node measures,
/// `EdgeIndex` for link measures on petgraph graphs and the core crate's
/// views.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores<K> {
    keys: Vec<K>,
    values: Vec<f64>,
    sorted: bool,
}

impl<K: Copy + Ord> Scores<K> {
    /// Pairs `keys` with `values` (same length, keys in graph index order).
    pub(crate) fn new(keys: Vec<K>, values: Vec<f64>) -> Self {
        debug_assert_eq!(keys.len(), values.len());
        let sorted = keys.is_sorted();
        Scores {
            keys,
            values,
            sorted,
        }
    }

    /// Number of scores.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether there are no scores (the graph or view is empty).
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The score of `key`, or `None` if it is not in the graph.
    ///
    /// O(log n) for petgraph's index types, whose order is the graph's
    /// index order; O(n) for handle types ordered otherwise.
    pub fn get(&self, key: K) -> Option<f64> {
        let at = if self.sorted {
            self.keys.binary_search(&key).ok()
        } else {
            self.keys.iter().position(|&k| k == key)
        };
        at.map(|i| self.values[i])
    }

    /// `(key, score)` pairs in ascending graph index.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (K, f64)> + '_ {
        self.keys.iter().copied().zip(self.values.iter().copied())
    }

    /// The handles, in ascending graph index.
    pub fn keys(&self) -> &[K] {
        &self.keys
    }

    /// The scores, aligned with [`keys`](Self::keys).
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// All pairs ranked: highest score first, ties broken by ascending
    /// graph index, so the order is the same on every run and platform.
    pub fn ranked(&self) -> Vec<(K, f64)> {
        self.top(self.len())
    }

    /// The `k` best pairs, ranked as in [`ranked`](Self::ranked).
    pub fn top(&self, k: usize) -> Vec<(K, f64)> {
        let mut order: Vec<usize> = (0..self.len()).collect();
        let cmp =
            |&a: &usize, &b: &usize| rank_order(self.values[a], self.values[b]).then(a.cmp(&b));
        if k < order.len() {
            order.select_nth_unstable_by(k, cmp);
            order.truncate(k);
        }
        order.sort_unstable_by(cmp);
        order
            .into_iter()
            .map(|i| (self.keys[i], self.values[i]))
            .collect()
    }
}

/// Descending by score; NaN (which no measure here produces) ranks last.
pub(crate) fn rank_order(a: f64, b: f64) -> Ordering {
    match (a.is_nan(), b.is_nan()) {
        (false, false) => b.partial_cmp(&a).unwrap_or(Ordering::Equal),
        (a_nan, b_nan) => a_nan.cmp(&b_nan),
    }
}

impl<K: Copy + Ord> IntoIterator for Scores<K> {
    type Item = (K, f64);
    type IntoIter = std::iter::Zip<std::vec::IntoIter<K>, std::vec::IntoIter<f64>>;

    fn into_iter(self) -> Self::IntoIter {
        self.keys.into_iter().zip(self.values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranking_is_by_score_then_index() {
        let s = Scores::new(vec![0u32, 1, 2, 3], vec![0.5, 1.0, 0.5, -0.0]);
        assert_eq!(s.ranked(), vec![(1, 1.0), (0, 0.5), (2, 0.5), (3, -0.0)]);
        assert_eq!(s.top(2), vec![(1, 1.0), (0, 0.5)]);
        assert_eq!(s.top(0), vec![]);
        assert_eq!(s.get(2), Some(0.5));
        assert_eq!(s.get(9), None);
    }

    #[test]
    fn zero_signs_tie() {
        // -0.0 and 0.0 must tie (then index decides), not order by sign.
        let s = Scores::new(vec![0u32, 1], vec![-0.0, 0.0]);
        assert_eq!(s.ranked()[0].0, 0);
    }
}
