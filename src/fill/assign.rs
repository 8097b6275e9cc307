//! One field per slot and one slot per field, with the largest total confidence: the Hungarian
//! algorithm on a (slots × fields) matrix. Greedy "most confident pair first" would leave a field
//! empty when its only slot was taken by a field that had a second good choice.

/// `scores[f][s]` is how well field `f` fits slot `s` (0 = not at all). Returns `(field, slot)`
/// pairs of a maximum-weight matching, only pairs with a positive score.
pub fn best_assignment(scores: &[Vec<f64>], slot_count: usize) -> Vec<(usize, usize)> {
    let fields = scores.len();
    if fields == 0 || slot_count == 0 {
        return Vec::new();
    }
    // Rows are slots, columns are fields plus one "leave this slot empty" column per slot, so
    // there are always at least as many columns as rows.
    let rows = slot_count;
    let cols = fields + slot_count;
    let cost = |row: usize, col: usize| -> f64 {
        if col < fields {
            -scores[col][row]
        } else {
            0.0
        }
    };
    // Potentials u (rows), v (columns) and the column→row matching, 1-based with 0 as sentinel
    // (the classic O(rows² · cols) formulation).
    let mut u = vec![0.0; rows + 1];
    let mut v = vec![0.0; cols + 1];
    let mut row_of = vec![0usize; cols + 1];
    let mut way = vec![0usize; cols + 1];
    for row in 1..=rows {
        row_of[0] = row;
        let mut col0 = 0;
        let mut min_to = vec![f64::INFINITY; cols + 1];
        let mut used = vec![false; cols + 1];
        loop {
            used[col0] = true;
            let r = row_of[col0];
            let mut delta = f64::INFINITY;
            let mut col1 = 0;
            for col in 1..=cols {
                if used[col] {
                    continue;
                }
                let reduced = cost(r - 1, col - 1) - u[r] - v[col];
                if reduced < min_to[col] {
                    min_to[col] = reduced;
                    way[col] = col0;
                }
                if min_to[col] < delta {
                    delta = min_to[col];
                    col1 = col;
                }
            }
            for col in 0..=cols {
                if used[col] {
                    u[row_of[col]] += delta;
                    v[col] -= delta;
                } else {
                    min_to[col] -= delta;
                }
            }
            col0 = col1;
            if row_of[col0] == 0 {
                break;
            }
        }
        while col0 != 0 {
            let prev = way[col0];
            row_of[col0] = row_of[prev];
            col0 = prev;
        }
    }
    (1..=fields)
        .filter(|&col| row_of[col] != 0 && scores[col - 1][row_of[col] - 1] > 0.0)
        .map(|col| (col - 1, row_of[col] - 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::best_assignment;

    fn sorted(mut pairs: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
        pairs.sort();
        pairs
    }

    #[test]
    fn beats_greedy_when_the_best_pair_blocks_another() {
        // Field 0 fits slot 0 best but also slot 1; field 1 only fits slot 0.
        let scores = vec![vec![0.9, 0.85], vec![0.88, 0.0]];
        assert_eq!(sorted(best_assignment(&scores, 2)), [(0, 1), (1, 0)]);
    }

    #[test]
    fn leaves_slots_and_fields_unmatched_rather_than_forcing_zero_pairs() {
        let scores = vec![vec![0.0, 0.7, 0.0], vec![0.0, 0.9, 0.0], vec![0.0; 3]];
        assert_eq!(best_assignment(&scores, 3), [(1, 1)]);
        assert!(best_assignment(&[], 3).is_empty());
    }

    #[test]
    fn each_slot_and_field_used_once() {
        let scores: Vec<Vec<f64>> = (0..40)
            .map(|f| {
                (0..5)
                    .map(|s| ((f * 7 + s * 3) % 11) as f64 / 10.0)
                    .collect()
            })
            .collect();
        let pairs = best_assignment(&scores, 5);
        assert_eq!(pairs.len(), 5);
        let mut fields: Vec<_> = pairs.iter().map(|p| p.0).collect();
        let mut slots: Vec<_> = pairs.iter().map(|p| p.1).collect();
        fields.dedup();
        slots.sort();
        slots.dedup();
        assert_eq!((fields.len(), slots.len()), (5, 5));
        let total: f64 = pairs.iter().map(|&(f, s)| scores[f][s]).sum();
        assert!(
            (total - 5.0).abs() < 1e-9,
            "every slot has a 1.0 field: {total}"
        );
    }
}
