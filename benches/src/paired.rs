//! Paired timing: two ways of doing the same work, measured interleaved, compared round by round.
//!
//! Criterion measures one side for seconds, then the other. On a server the latency of a
//! round trip drifts over such spans (other work on the machine, the server's own
//! caches), and a ratio of two medians taken a minute apart carries that drift. Here the
//! sides take turns in short rounds, each round yields one ratio, and the summary is the
//! median of those ratios: whatever slows the machine down during a round slows both.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// How the sides take turns.
#[derive(Debug, Clone, Copy)]
pub struct Rounds {
    /// How many rounds; each runs one batch of each side.
    pub count: usize,
    /// About how long one batch takes: enough iterations to make timer noise negligible.
    pub batch: Duration,
}

impl Default for Rounds {
    fn default() -> Self {
        Rounds {
            count: 51,
            batch: Duration::from_millis(10),
        }
    }
}

/// What the rounds measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paired {
    /// Median time of one iteration of the first side, in nanoseconds.
    pub first_ns: f64,
    /// Median time of one iteration of the second side, in nanoseconds.
    pub second_ns: f64,
    /// Median over the rounds of first / second.
    pub ratio: f64,
}

/// Measures `first` against `second`. Each is called with a running iteration number
/// (for workloads that vary their input) and its result is kept from the optimiser. The
/// side that goes first alternates between rounds, so neither always meets a cold cache.
pub fn paired<A, B>(rounds: Rounds, mut first: impl FnMut(u64) -> A, mut second: impl FnMut(u64) -> B) -> Paired {
    let mut iteration = 0u64;
    let batch = batch_size(rounds.batch, &mut second, &mut iteration);
    let time = |side: &mut dyn FnMut(u64), iteration: &mut u64| {
        let start = Instant::now();
        for _ in 0..batch {
            *iteration += 1;
            side(*iteration);
        }
        start.elapsed().as_nanos() as f64 / batch as f64
    };
    let mut run_first = |i: u64| {
        black_box(first(i));
    };
    let mut run_second = |i: u64| {
        black_box(second(i));
    };
    let (mut firsts, mut seconds, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds.count {
        let (a, b) = if round % 2 == 0 {
            let a = time(&mut run_first, &mut iteration);
            (a, time(&mut run_second, &mut iteration))
        } else {
            let b = time(&mut run_second, &mut iteration);
            (time(&mut run_first, &mut iteration), b)
        };
        firsts.push(a);
        seconds.push(b);
        ratios.push(a / b);
    }
    Paired {
        first_ns: median(firsts),
        second_ns: median(seconds),
        ratio: median(ratios),
    }
}

/// How many iterations of `side` take about `target`, from timing it for that long.
fn batch_size<B>(target: Duration, side: &mut impl FnMut(u64) -> B, iteration: &mut u64) -> u64 {
    let start = Instant::now();
    let mut done = 0u64;
    while start.elapsed() < target {
        *iteration += 1;
        black_box(side(*iteration));
        done += 1;
    }
    done.max(1)
}

/// The median of `values` (the mean of the middle two when there is an even number).
pub fn median(mut values: Vec<f64>) -> f64 {
    assert!(!values.is_empty(), "the median of nothing");
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    if values.len() % 2 == 1 {
        values[middle]
    } else {
        (values[middle - 1] + values[middle]) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_is_the_middle_value_or_the_mean_of_the_middle_two() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), 2.5);
    }

    #[test]
    fn the_sides_take_turns_and_the_one_that_goes_first_alternates() {
        // Which side ran, in order; the first batch sizing runs only the second side.
        let calls = std::cell::RefCell::new(Vec::new());
        paired(
            Rounds {
                count: 4,
                batch: Duration::from_micros(50),
            },
            |_| calls.borrow_mut().push('a'),
            |_| calls.borrow_mut().push('b'),
        );
        let calls = calls.into_inner();
        let mut runs: Vec<char> = calls.iter().copied().skip_while(|&side| side == 'b').collect();
        runs.dedup();
        // Round 1: a then b; round 2: b then a; round 3: a, b; round 4: b, a.
        assert_eq!(runs, ['a', 'b', 'a', 'b', 'a'], "{calls:?}");
    }

    #[test]
    fn every_iteration_gets_its_own_number() {
        let mut seen = Vec::new();
        paired(
            Rounds {
                count: 2,
                batch: Duration::from_micros(50),
            },
            |i| seen.push(i),
            |_| (),
        );
        assert!(!seen.is_empty());
        assert!(
            seen.windows(2).all(|pair| pair[0] < pair[1]),
            "numbers only go up: {seen:?}"
        );
    }
}
