//! Fixed expected values computed with NetworkX.
//!
//! Every number below was computed with NetworkX 3.6.1 (SciPy
//! 1.17.1 for PageRank) by a script that, for each edge list,
//! builds `G = nx.MultiDiGraph()` (directed reading) and `U = nx.MultiGraph()`
//! (undirected reading: one undirected link per link), adds nodes `0..n` and
//! then the edges in list order, and calls the function named in each test.
//! Values are `repr` of the Python floats; agreement is asserted to 1e-9.
//! Edge betweenness values are listed per link, in list order, reading
//! NetworkX's `(u, v, key)` entries.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use partnership_analysis::*;
use petgraph::graph::{DiGraph, NodeIndex};

fn build(n: usize, edges: &[(u32, u32)]) -> DiGraph<(), ()> {
    let mut g = DiGraph::new();
    for _ in 0..n {
        g.add_node(());
    }
    for &(s, t) in edges {
        g.add_edge(NodeIndex::new(s as usize), NodeIndex::new(t as usize), ());
    }
    g
}

#[track_caller]
fn assert_close(actual: &[f64], expected: &[f64]) {
    assert_eq!(actual.len(), expected.len(), "length");
    for (i, (a, e)) in actual.iter().zip(expected).enumerate() {
        assert!(
            (a - e).abs() <= 1e-9,
            "entry {i}: got {a}, NetworkX says {e}"
        );
    }
}

const U: Reading = Reading::Undirected;
const D: Reading = Reading::Directed;

const MIXED_N: usize = 8;
const MIXED: &[(u32, u32)] = &[
    (0, 1),
    (0, 2),
    (1, 2),
    (2, 0),
    (2, 3),
    (1, 3),
    (1, 3),
    (3, 4),
    (4, 3),
    (4, 4),
    (4, 5),
    (5, 1),
    (5, 6),
    (0, 0),
];

const SPLIT_N: usize = 7;
const SPLIT: &[(u32, u32)] = &[
    (0, 1),
    (1, 2),
    (2, 0),
    (0, 2),
    (3, 4),
    (4, 3),
    (3, 5),
    (3, 5),
    (6, 3),
];

const STRONG_N: usize = 6;
const STRONG: &[(u32, u32)] = &[
    (0, 1),
    (1, 2),
    (2, 3),
    (3, 0),
    (1, 4),
    (4, 5),
    (5, 1),
    (2, 0),
    (3, 3),
    (4, 1),
];

#[test]
fn mixed_degree_total() {
    // nx.degree_centrality(G)
    let expected = [
        0.7142857142857142,
        0.7142857142857142,
        0.5714285714285714,
        0.7142857142857142,
        0.7142857142857142,
        0.42857142857142855,
        0.14285714285714285,
        0.0,
    ];
    assert_close(
        degree_centrality(&build(MIXED_N, MIXED), Degree::Total)
            .unwrap()
            .values(),
        &expected,
    );
}

#[test]
fn mixed_degree_in() {
    // nx.in_degree_centrality(G)
    let expected = [
        0.2857142857142857,
        0.2857142857142857,
        0.2857142857142857,
        0.5714285714285714,
        0.2857142857142857,
        0.14285714285714285,
        0.14285714285714285,
        0.0,
    ];
    assert_close(
        degree_centrality(&build(MIXED_N, MIXED), Degree::In)
            .unwrap()
            .values(),
        &expected,
    );
}

#[test]
fn mixed_degree_out() {
    // nx.out_degree_centrality(G)
    let expected = [
        0.42857142857142855,
        0.42857142857142855,
        0.2857142857142857,
        0.14285714285714285,
        0.42857142857142855,
        0.2857142857142857,
        0.0,
        0.0,
    ];
    assert_close(
        degree_centrality(&build(MIXED_N, MIXED), Degree::Out)
            .unwrap()
            .values(),
        &expected,
    );
}

#[test]
fn mixed_betweenness_directed() {
    // nx.betweenness_centrality(G)
    let expected = [
        0.023809523809523808,
        0.23809523809523808,
        0.14285714285714285,
        0.23809523809523808,
        0.26190476190476186,
        0.26190476190476186,
        0.0,
        0.0,
    ];
    assert_close(
        betweenness_centrality(
            &build(MIXED_N, MIXED),
            &BetweennessOptions {
                reading: D,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_betweenness_directed_raw() {
    // nx.betweenness_centrality(G, normalized=False)
    let expected = [1.0, 10.0, 6.0, 10.0, 11.0, 11.0, 0.0, 0.0];
    assert_close(
        betweenness_centrality(
            &build(MIXED_N, MIXED),
            &BetweennessOptions {
                reading: D,
                normalized: false,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_betweenness_directed_endpoints() {
    // nx.betweenness_centrality(G, endpoints=True)
    let expected = [
        0.21428571428571427,
        0.375,
        0.30357142857142855,
        0.375,
        0.39285714285714285,
        0.39285714285714285,
        0.10714285714285714,
        0.0,
    ];
    assert_close(
        betweenness_centrality(
            &build(MIXED_N, MIXED),
            &BetweennessOptions {
                reading: D,
                endpoints: true,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_betweenness_directed_raw_endpoints() {
    // nx.betweenness_centrality(G, normalized=False, endpoints=True)
    let expected = [12.0, 21.0, 17.0, 21.0, 22.0, 22.0, 6.0, 0.0];
    assert_close(
        betweenness_centrality(
            &build(MIXED_N, MIXED),
            &BetweennessOptions {
                reading: D,
                normalized: false,
                endpoints: true,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_edge_betweenness_directed() {
    // nx.edge_betweenness_centrality(G)
    let expected = [
        0.07142857142857142,
        0.05357142857142857,
        0.14285714285714285,
        0.10714285714285714,
        0.10714285714285714,
        0.07142857142857142,
        0.07142857142857142,
        0.2857142857142857,
        0.017857142857142856,
        0.0,
        0.2857142857142857,
        0.19642857142857142,
        0.10714285714285714,
        0.0,
    ];
    assert_close(
        edge_betweenness_centrality(
            &build(MIXED_N, MIXED),
            &EdgeBetweennessOptions {
                reading: D,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_edge_betweenness_directed_raw() {
    // nx.edge_betweenness_centrality(G, normalized=False)
    let expected = [
        4.0, 3.0, 8.0, 6.0, 6.0, 4.0, 4.0, 16.0, 1.0, 0.0, 16.0, 11.0, 6.0, 0.0,
    ];
    assert_close(
        edge_betweenness_centrality(
            &build(MIXED_N, MIXED),
            &EdgeBetweennessOptions {
                reading: D,
                normalized: false,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_closeness_directed() {
    // nx.closeness_centrality(G)
    let expected = [
        0.23809523809523808,
        0.39682539682539686,
        0.3246753246753247,
        0.5102040816326531,
        0.3246753246753247,
        0.27472527472527475,
        0.2706766917293233,
        0.0,
    ];
    assert_close(
        closeness_centrality(
            &build(MIXED_N, MIXED),
            &ClosenessOptions {
                reading: D,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_closeness_directed_plain() {
    // nx.closeness_centrality(G, wf_improved=False)
    let expected = [
        0.3333333333333333,
        0.5555555555555556,
        0.45454545454545453,
        0.7142857142857143,
        0.45454545454545453,
        0.38461538461538464,
        0.3157894736842105,
        0.0,
    ];
    assert_close(
        closeness_centrality(
            &build(MIXED_N, MIXED),
            &ClosenessOptions {
                reading: D,
                wf_improved: false,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_harmonic_directed() {
    // nx.harmonic_centrality(G)
    let expected = [
        2.283333333333333,
        3.333333333333333,
        3.0833333333333335,
        4.0,
        2.6666666666666665,
        2.4166666666666665,
        2.533333333333333,
        0.0,
    ];
    assert_close(
        harmonic_centrality(
            &build(MIXED_N, MIXED),
            &HarmonicOptions {
                reading: D,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_pagerank_directed() {
    // nx.pagerank(G)
    let expected = [
        0.09330442337637308,
        0.10425654575262253,
        0.08620584304010281,
        0.20769219195533023,
        0.2885147496975096,
        0.11197587177341055,
        0.07782016186619352,
        0.030230212538457327,
    ];
    assert_close(
        pagerank(
            &build(MIXED_N, MIXED),
            &PageRankOptions {
                reading: D,
                // NetworkX's defaults.
                tol: 1e-6,
                max_iter: 100,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_pagerank_directed_alpha() {
    // nx.pagerank(G, alpha=0.5, tol=1e-10, max_iter=200)
    let expected = [
        0.12206760893219647,
        0.1199912574580674,
        0.11365292149075382,
        0.17375783187176783,
        0.1922264315684743,
        0.10534751566728559,
        0.09964665594989067,
        0.0733097770615639,
    ];
    assert_close(
        pagerank(
            &build(MIXED_N, MIXED),
            &PageRankOptions {
                reading: D,
                alpha: 0.5,
                tol: 1e-10,
                max_iter: 200,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_betweenness_undirected() {
    // nx.betweenness_centrality(U)
    let expected = [
        0.0,
        0.2936507936507936,
        0.03968253968253967,
        0.10317460317460315,
        0.047619047619047616,
        0.27777777777777773,
        0.0,
        0.0,
    ];
    assert_close(
        betweenness_centrality(
            &build(MIXED_N, MIXED),
            &BetweennessOptions {
                reading: U,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_betweenness_undirected_raw() {
    // nx.betweenness_centrality(U, normalized=False)
    let expected = [
        0.0,
        6.166666666666666,
        0.8333333333333333,
        2.1666666666666665,
        1.0,
        5.833333333333333,
        0.0,
        0.0,
    ];
    assert_close(
        betweenness_centrality(
            &build(MIXED_N, MIXED),
            &BetweennessOptions {
                reading: U,
                normalized: false,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_betweenness_undirected_endpoints() {
    // nx.betweenness_centrality(U, endpoints=True)
    let expected = [
        0.21428571428571427,
        0.4345238095238095,
        0.244047619047619,
        0.29166666666666663,
        0.25,
        0.42261904761904756,
        0.21428571428571427,
        0.0,
    ];
    assert_close(
        betweenness_centrality(
            &build(MIXED_N, MIXED),
            &BetweennessOptions {
                reading: U,
                endpoints: true,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_betweenness_undirected_raw_endpoints() {
    // nx.betweenness_centrality(U, normalized=False, endpoints=True)
    let expected = [
        6.0,
        12.166666666666666,
        6.833333333333333,
        8.166666666666666,
        7.0,
        11.833333333333332,
        6.0,
        0.0,
    ];
    assert_close(
        betweenness_centrality(
            &build(MIXED_N, MIXED),
            &BetweennessOptions {
                reading: U,
                normalized: false,
                endpoints: true,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_edge_betweenness_undirected() {
    // nx.edge_betweenness_centrality(U)
    let expected = [
        0.14880952380952378,
        0.03273809523809523,
        0.10714285714285714,
        0.03273809523809523,
        0.10119047619047618,
        0.059523809523809514,
        0.059523809523809514,
        0.07440476190476189,
        0.07440476190476189,
        0.0,
        0.1369047619047619,
        0.2797619047619047,
        0.21428571428571427,
        0.0,
    ];
    assert_close(
        edge_betweenness_centrality(
            &build(MIXED_N, MIXED),
            &EdgeBetweennessOptions {
                reading: U,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_edge_betweenness_undirected_raw() {
    // nx.edge_betweenness_centrality(U, normalized=False)
    let expected = [
        4.166666666666666,
        0.9166666666666666,
        3.0,
        0.9166666666666666,
        2.833333333333333,
        1.6666666666666665,
        1.6666666666666665,
        2.083333333333333,
        2.083333333333333,
        0.0,
        3.833333333333333,
        7.833333333333333,
        6.0,
        0.0,
    ];
    assert_close(
        edge_betweenness_centrality(
            &build(MIXED_N, MIXED),
            &EdgeBetweennessOptions {
                reading: U,
                normalized: false,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_closeness_undirected() {
    // nx.closeness_centrality(U)
    let expected = [
        0.42857142857142855,
        0.6428571428571428,
        0.5142857142857142,
        0.5142857142857142,
        0.46753246753246747,
        0.5714285714285714,
        0.36734693877551017,
        0.0,
    ];
    assert_close(
        closeness_centrality(
            &build(MIXED_N, MIXED),
            &ClosenessOptions {
                reading: U,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_closeness_undirected_plain() {
    // nx.closeness_centrality(U, wf_improved=False)
    let expected = [
        0.5,
        0.75,
        0.6,
        0.6,
        0.5454545454545454,
        0.6666666666666666,
        0.42857142857142855,
        0.0,
    ];
    assert_close(
        closeness_centrality(
            &build(MIXED_N, MIXED),
            &ClosenessOptions {
                reading: U,
                wf_improved: false,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_harmonic_undirected() {
    // nx.harmonic_centrality(U)
    let expected = [
        3.666666666666667,
        5.0,
        4.333333333333333,
        4.333333333333333,
        3.833333333333333,
        4.5,
        3.0,
        0.0,
    ];
    assert_close(
        harmonic_centrality(
            &build(MIXED_N, MIXED),
            &HarmonicOptions {
                reading: U,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_pagerank_undirected() {
    // nx.pagerank(U)
    let expected = [
        0.1414118043828354,
        0.1784853021816929,
        0.1412719613499281,
        0.17558958016392168,
        0.15036791123157084,
        0.13318045942930185,
        0.058713960281728525,
        0.020979020979020983,
    ];
    assert_close(
        pagerank(
            &build(MIXED_N, MIXED),
            &PageRankOptions {
                reading: U,
                // NetworkX's defaults.
                tol: 1e-6,
                max_iter: 100,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_pagerank_undirected_alpha() {
    // nx.pagerank(U, alpha=0.5, tol=1e-10, max_iter=200)
    let expected = [
        0.1306196347297634,
        0.1528062392521194,
        0.12937955921825245,
        0.14777359939268203,
        0.13749296000232275,
        0.1445097206225337,
        0.09075162011565968,
        0.06666666666666667,
    ];
    assert_close(
        pagerank(
            &build(MIXED_N, MIXED),
            &PageRankOptions {
                reading: U,
                alpha: 0.5,
                tol: 1e-10,
                max_iter: 200,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn mixed_eigenvector_undirected() {
    // nx.eigenvector_centrality(nx.Graph(U))
    let expected = [
        0.4391181912737375,
        0.502569036915298,
        0.4306389310642541,
        0.40413771529666215,
        0.3297923038513783,
        0.2967230375224919,
        0.09494667280620113,
        9.67106416087121e-18,
    ];
    assert_close(
        eigenvector_centrality(
            &build(MIXED_N, MIXED),
            &EigenvectorOptions {
                reading: U,
                // NetworkX's defaults.
                tol: 1e-6,
                max_iter: 100,
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_degree_total() {
    // nx.degree_centrality(G)
    let expected = [
        0.5,
        0.3333333333333333,
        0.5,
        0.8333333333333333,
        0.3333333333333333,
        0.3333333333333333,
        0.16666666666666666,
    ];
    assert_close(
        degree_centrality(&build(SPLIT_N, SPLIT), Degree::Total)
            .unwrap()
            .values(),
        &expected,
    );
}

#[test]
fn split_degree_in() {
    // nx.in_degree_centrality(G)
    let expected = [
        0.16666666666666666,
        0.16666666666666666,
        0.3333333333333333,
        0.3333333333333333,
        0.16666666666666666,
        0.3333333333333333,
        0.0,
    ];
    assert_close(
        degree_centrality(&build(SPLIT_N, SPLIT), Degree::In)
            .unwrap()
            .values(),
        &expected,
    );
}

#[test]
fn split_degree_out() {
    // nx.out_degree_centrality(G)
    let expected = [
        0.3333333333333333,
        0.16666666666666666,
        0.16666666666666666,
        0.5,
        0.16666666666666666,
        0.0,
        0.16666666666666666,
    ];
    assert_close(
        degree_centrality(&build(SPLIT_N, SPLIT), Degree::Out)
            .unwrap()
            .values(),
        &expected,
    );
}

#[test]
fn split_betweenness_directed() {
    // nx.betweenness_centrality(G)
    let expected = [
        0.03333333333333333,
        0.0,
        0.03333333333333333,
        0.1,
        0.0,
        0.0,
        0.0,
    ];
    assert_close(
        betweenness_centrality(
            &build(SPLIT_N, SPLIT),
            &BetweennessOptions {
                reading: D,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_betweenness_directed_raw() {
    // nx.betweenness_centrality(G, normalized=False)
    let expected = [1.0, 0.0, 1.0, 3.0, 0.0, 0.0, 0.0];
    assert_close(
        betweenness_centrality(
            &build(SPLIT_N, SPLIT),
            &BetweennessOptions {
                reading: D,
                normalized: false,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_betweenness_directed_endpoints() {
    // nx.betweenness_centrality(G, endpoints=True)
    let expected = [
        0.11904761904761904,
        0.09523809523809523,
        0.11904761904761904,
        0.16666666666666666,
        0.09523809523809523,
        0.07142857142857142,
        0.07142857142857142,
    ];
    assert_close(
        betweenness_centrality(
            &build(SPLIT_N, SPLIT),
            &BetweennessOptions {
                reading: D,
                endpoints: true,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_betweenness_directed_raw_endpoints() {
    // nx.betweenness_centrality(G, normalized=False, endpoints=True)
    let expected = [5.0, 4.0, 5.0, 7.0, 4.0, 3.0, 3.0];
    assert_close(
        betweenness_centrality(
            &build(SPLIT_N, SPLIT),
            &BetweennessOptions {
                reading: D,
                normalized: false,
                endpoints: true,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_edge_betweenness_directed() {
    // nx.edge_betweenness_centrality(G)
    let expected = [
        0.047619047619047616,
        0.047619047619047616,
        0.07142857142857142,
        0.023809523809523808,
        0.047619047619047616,
        0.047619047619047616,
        0.03571428571428571,
        0.03571428571428571,
        0.07142857142857142,
    ];
    assert_close(
        edge_betweenness_centrality(
            &build(SPLIT_N, SPLIT),
            &EdgeBetweennessOptions {
                reading: D,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_edge_betweenness_directed_raw() {
    // nx.edge_betweenness_centrality(G, normalized=False)
    let expected = [2.0, 2.0, 3.0, 1.0, 2.0, 2.0, 1.5, 1.5, 3.0];
    assert_close(
        edge_betweenness_centrality(
            &build(SPLIT_N, SPLIT),
            &EdgeBetweennessOptions {
                reading: D,
                normalized: false,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_closeness_directed() {
    // nx.closeness_centrality(G)
    let expected = [
        0.2222222222222222,
        0.2222222222222222,
        0.3333333333333333,
        0.3333333333333333,
        0.2222222222222222,
        0.3,
        0.0,
    ];
    assert_close(
        closeness_centrality(
            &build(SPLIT_N, SPLIT),
            &ClosenessOptions {
                reading: D,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_closeness_directed_plain() {
    // nx.closeness_centrality(G, wf_improved=False)
    let expected = [
        0.6666666666666666,
        0.6666666666666666,
        1.0,
        1.0,
        0.6666666666666666,
        0.6,
        0.0,
    ];
    assert_close(
        closeness_centrality(
            &build(SPLIT_N, SPLIT),
            &ClosenessOptions {
                reading: D,
                wf_improved: false,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_harmonic_directed() {
    // nx.harmonic_centrality(G)
    let expected = [1.5, 1.5, 2.0, 2.0, 1.5, 2.0, 0.0];
    assert_close(
        harmonic_centrality(
            &build(SPLIT_N, SPLIT),
            &HarmonicOptions {
                reading: D,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_pagerank_directed() {
    // nx.pagerank(G)
    let expected = [
        0.26219765623484037,
        0.14524104650593997,
        0.26869544224497494,
        0.12023899488581136,
        0.06787562004281104,
        0.10194366260541905,
        0.03380757748020302,
    ];
    assert_close(
        pagerank(
            &build(SPLIT_N, SPLIT),
            &PageRankOptions {
                reading: D,
                // NetworkX's defaults.
                tol: 1e-6,
                max_iter: 100,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_pagerank_directed_alpha() {
    // nx.pagerank(G, alpha=0.5, tol=1e-10, max_iter=200)
    let expected = [
        0.17549857541110256,
        0.12535612531417847,
        0.18803418794704202,
        0.17777777785924087,
        0.11111111115614533,
        0.14074074081781662,
        0.08148148149447404,
    ];
    assert_close(
        pagerank(
            &build(SPLIT_N, SPLIT),
            &PageRankOptions {
                reading: D,
                alpha: 0.5,
                tol: 1e-10,
                max_iter: 200,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_betweenness_undirected() {
    // nx.betweenness_centrality(U)
    let expected = [0.0, 0.0, 0.0, 0.2, 0.0, 0.0, 0.0];
    assert_close(
        betweenness_centrality(
            &build(SPLIT_N, SPLIT),
            &BetweennessOptions {
                reading: U,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_betweenness_undirected_raw() {
    // nx.betweenness_centrality(U, normalized=False)
    let expected = [0.0, 0.0, 0.0, 3.0, 0.0, 0.0, 0.0];
    assert_close(
        betweenness_centrality(
            &build(SPLIT_N, SPLIT),
            &BetweennessOptions {
                reading: U,
                normalized: false,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_betweenness_undirected_endpoints() {
    // nx.betweenness_centrality(U, endpoints=True)
    let expected = [
        0.09523809523809523,
        0.09523809523809523,
        0.09523809523809523,
        0.2857142857142857,
        0.14285714285714285,
        0.14285714285714285,
        0.14285714285714285,
    ];
    assert_close(
        betweenness_centrality(
            &build(SPLIT_N, SPLIT),
            &BetweennessOptions {
                reading: U,
                endpoints: true,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_betweenness_undirected_raw_endpoints() {
    // nx.betweenness_centrality(U, normalized=False, endpoints=True)
    let expected = [2.0, 2.0, 2.0, 6.0, 3.0, 3.0, 3.0];
    assert_close(
        betweenness_centrality(
            &build(SPLIT_N, SPLIT),
            &BetweennessOptions {
                reading: U,
                normalized: false,
                endpoints: true,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_edge_betweenness_undirected() {
    // nx.edge_betweenness_centrality(U)
    let expected = [
        0.047619047619047616,
        0.047619047619047616,
        0.023809523809523808,
        0.023809523809523808,
        0.07142857142857142,
        0.07142857142857142,
        0.07142857142857142,
        0.07142857142857142,
        0.14285714285714285,
    ];
    assert_close(
        edge_betweenness_centrality(
            &build(SPLIT_N, SPLIT),
            &EdgeBetweennessOptions {
                reading: U,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_edge_betweenness_undirected_raw() {
    // nx.edge_betweenness_centrality(U, normalized=False)
    let expected = [1.0, 1.0, 0.5, 0.5, 1.5, 1.5, 1.5, 1.5, 3.0];
    assert_close(
        edge_betweenness_centrality(
            &build(SPLIT_N, SPLIT),
            &EdgeBetweennessOptions {
                reading: U,
                normalized: false,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_closeness_undirected() {
    // nx.closeness_centrality(U)
    let expected = [
        0.3333333333333333,
        0.3333333333333333,
        0.3333333333333333,
        0.5,
        0.3,
        0.3,
        0.3,
    ];
    assert_close(
        closeness_centrality(
            &build(SPLIT_N, SPLIT),
            &ClosenessOptions {
                reading: U,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_closeness_undirected_plain() {
    // nx.closeness_centrality(U, wf_improved=False)
    let expected = [1.0, 1.0, 1.0, 1.0, 0.6, 0.6, 0.6];
    assert_close(
        closeness_centrality(
            &build(SPLIT_N, SPLIT),
            &ClosenessOptions {
                reading: U,
                wf_improved: false,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_harmonic_undirected() {
    // nx.harmonic_centrality(U)
    let expected = [2.0, 2.0, 2.0, 3.0, 2.0, 2.0, 2.0];
    assert_close(
        harmonic_centrality(
            &build(SPLIT_N, SPLIT),
            &HarmonicOptions {
                reading: U,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_pagerank_undirected() {
    // nx.pagerank(U)
    let expected = [
        0.15862708719851576,
        0.11131725417439703,
        0.15862708719851576,
        0.27412976924405785,
        0.11463380658809116,
        0.11463380658809116,
        0.0680311890083313,
    ];
    assert_close(
        pagerank(
            &build(SPLIT_N, SPLIT),
            &PageRankOptions {
                reading: U,
                // NetworkX's defaults.
                tol: 1e-6,
                max_iter: 100,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn split_pagerank_undirected_alpha() {
    // nx.pagerank(U, alpha=0.5, tol=1e-10, max_iter=200)
    let expected = [
        0.15306122448979592,
        0.12244897959183673,
        0.15306122448979592,
        0.2380952380065407,
        0.119047619083098,
        0.119047619083098,
        0.09523809525583471,
    ];
    assert_close(
        pagerank(
            &build(SPLIT_N, SPLIT),
            &PageRankOptions {
                reading: U,
                alpha: 0.5,
                tol: 1e-10,
                max_iter: 200,
                ..Default::default()
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn strong_eigenvector_directed() {
    // nx.eigenvector_centrality(nx.DiGraph(G))
    let expected = [
        0.4581123883264027,
        0.5696601722778188,
        0.3307974829073909,
        0.4581123883264027,
        0.3307974829073909,
        0.1920922123575884,
    ];
    assert_close(
        eigenvector_centrality(
            &build(STRONG_N, STRONG),
            &EigenvectorOptions {
                reading: D,
                // NetworkX's defaults.
                tol: 1e-6,
                max_iter: 100,
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn strong_eigenvector_undirected() {
    // nx.eigenvector_centrality(nx.Graph(U))
    let expected = [
        0.47140357687586204,
        0.4714064086034837,
        0.47140357687586204,
        0.4714019419771573,
        0.23570483920044655,
        0.23570483920044655,
    ];
    assert_close(
        eigenvector_centrality(
            &build(STRONG_N, STRONG),
            &EigenvectorOptions {
                reading: U,
                // NetworkX's defaults.
                tol: 1e-6,
                max_iter: 100,
            },
        )
        .unwrap()
        .values(),
        &expected,
    );
}

#[test]
fn eigenvector_fails_to_converge_like_networkx() {
    // nx.eigenvector_centrality(nx.path_graph(12, create_using=nx.DiGraph))
    // raises PowerIterationFailedConvergence(100).
    let edges: Vec<(u32, u32)> = (0..11).map(|i| (i, i + 1)).collect();
    let err = eigenvector_centrality(
        &build(12, &edges),
        &EigenvectorOptions {
            reading: Reading::Directed,
            max_iter: 100,
            tol: 1e-6,
        },
    )
    .unwrap_err();
    assert!(matches!(
        err,
        Error::NotConverged {
            iterations: 100,
            ..
        }
    ));
}

#[test]
fn pagerank_fails_to_converge_like_networkx() {
    // nx.pagerank(G, max_iter=3) raises PowerIterationFailedConvergence(3).
    let options = PageRankOptions {
        max_iter: 3,
        ..Default::default()
    };
    let err = pagerank(&build(MIXED_N, MIXED), &options).unwrap_err();
    assert!(matches!(err, Error::NotConverged { iterations: 3, .. }));
}
