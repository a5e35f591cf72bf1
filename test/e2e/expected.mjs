// Expected KPI values for the fixture (scripts/e2e/makeFixture.mjs), worked out by hand from
// KPI-SPEC.md. T = fixture anchor; D = day, H = hour. Changes (git fallback, §1):
//   A: first commit T-148d-60h, merged T-148d  -> 60 h     D: T-5d-30h  -> T-5d  -> 30 h
//   B: T-62d-40h -> T-62d -> 40 h                          E (squash "(#7)"): authored T-3d-20h, committed T-3d -> 20 h
//   F: T-45d-50h -> T-45d -> 50 h (fix without test, then a test commit)
//   C: T-10d-10h -> T-10d -> 10 h (fix with a test; hostile subject and author)
// Bug fixes (§4): f1 "fix: null check in util" (T-45d-50h, touches src/lib/util.ts),
//                 c1 "fix(app): <img …>" (T-10d-10h, touches src/app/main.ts and test/app.test.ts).
// KLOC at HEAD: src/app/main.ts 100 lines + src/lib/util.ts 150 lines = 0.25 KLOC (test/ excluded).
// Releases: v0.1.0 on A's merge (T-148d); v1.0.0 on D's merge (T-5d). Commits first released by v1.0.0
// and their lead times (§3): b1 58.667 d, f1 42.083 d, f2 41.25 d, c1 5.417 d, d1 1.25 d -> median 41.25 d.
export const EXPECTED = {
  // 90 days: A is outside; changes B F C D E = 40 50 10 30 20 h -> median 30. Previous 90 days: A 60 h -> ▼50%.
  90: {
    cycleTime: 30, // hours
    velocity: 5 / (90 / 7), // 0.3889 changes/week
    timeToMarket: 41.25, // days (v1.0.0 in window)
    defectDensity: 2 / 0.25, // f1 + c1 = 8 defects/KLOC
    escalations: null, // git alone: "needs Jira or GitHub issues"
    testEffectiveness: 1 / 2, // c1 changes a test, f1 does not
  },
  // 30 days: C D E = 10 30 20 h -> median 20; previous 30 days (T-60d..T-30d): F 50 h.
  30: { cycleTime: 20, velocity: 3 / (30 / 7), timeToMarket: 41.25, defectDensity: 1 / 0.25, escalations: null, testEffectiveness: 1 },
  // 180 days: A..E = 60 40 50 10 30 20 -> median 35; v0.1.0 (T-148d) is the first release tag, which starts the
  // clock (spec v2): init and a1 get no lead time (excluded.firstRelease 2; v1 counted 52 d and 2.5 d, also
  // median 41.25) and A no deploy phase -> the 5 commits of v1.0.0 -> median 41.25.
  180: { cycleTime: 35, velocity: 6 / (180 / 7), timeToMarket: 41.25, defectDensity: 2 / 0.25, escalations: null, testEffectiveness: 1 / 2 },
};
export const STATUS_BAR_90 = { value: '30h', change: '▼50%' };
// Spec §4 v2 ranking: one defect each, so by density: c1 touched main.ts (1 / 0.1 KLOC = 10), f1 util.ts (1 / 0.15 = 6.67).
export const HOTSPOT_FILE = 'src/app/main.ts';
// Accessible names in the panel over 90 days. Drill-down buttons: the items of each KPI with a value
// (cycle time B F C D E; velocity the same 5; time to market the 5 commits of v1.0.0; defect density
// 2 fixes + 2 files + 2 modules; test effectiveness f1, c1). Charts: [title, has a canvas]; git
// alone has no escalations.
export const PANEL_NAMES = {
  cards: ['Cycle time', 'Velocity', 'Time to market', 'Defect density', 'Escalations', 'Test effectiveness'],
  toggles: [
    ['cycleTime', 'Show 5 merged changes of Cycle time'],
    ['velocity', 'Show 5 merged changes of Velocity'],
    ['timeToMarket', 'Show 5 commits of Time to market'],
    ['defectDensity', 'Show 2 modules, 2 files and 2 commits of Defect density'],
    ['testEffectiveness', 'Show 2 commits of Test effectiveness'],
  ],
  charts: [
    ['Cycle time trend (weekly)', true],
    ['Cycle time phases (median)', true],
    ['Distribution of cycle times', true],
    ['Velocity (changes/week)', true],
    // Spec §4 v2: no module density under 500 source lines; src/app (100) and src/lib (150) have none.
    ['Defect-density hotspots by module', false],
    ['Escalations over time', false],
    // Its weekly series reads the card's fixes: f1's week at 0, c1's at 1.
    ['Test effectiveness over time', true],
  ],
};

// Sprint review, "Last 14 days" (git only, so date ranges): [now-14d, now), compared with the two
// 14-day periods before it; now is T plus the minutes since the fixture was built (under an hour).
//   this period: C (T-10d, 10 h), D (T-5d, 30 h), E (T-3d, 20 h) merged -> throughput 3;
//     cycle times 10 20 30 h -> median 20 h, p85 = 20 + 0.7 * (30 - 20) = 27 h (R-7 interpolation);
//     deploy: C merged T-10d, first released by v1.0.0 at T-5d -> 120 h; D released on its merge -> 0 h;
//     E not released -> median of 0 and 120 = 60 h. coding/pickup/review: git has no phases.
//   previous [now-28d, now-14d) and the one before [now-42d, now-28d): no commit at all (F's are at
//     T-45d and earlier) -> by spec v2 "no activity is not zero" every figure of those periods is null
//     ("no commits in period; the last commit is …"), so throughput has no previous value (v1: 0), its
//     mean is over 1 period (3) and it has no direction; cycle time likewise (20 h).
//   outliers: threshold = p85 of the changes merged in the 3 earlier periods, [now-56d, now-14d): F 50 h
//     -> 50 h; none of 10/20/30 h is above it -> 0.
//   quality: bug fixes committed in the period: c1 (T-10d-10h), which changes a test -> defects fixed 1,
//     regression-test rate 100%; hotspot files changed: main.ts (c1's fix, changed by c1 and d1) and
//     util.ts (f1's fix at T-45d-50h is within 90 days of now; changed by E) -> 2.
//   time to market: v1.0.0 (T-5d) is in the period: b1 f1 f2 c1 d1 -> 5 items, lead time median 41.25 d.
export const REVIEW_LAST_14 = {
  figures: {
    throughput: { value: 3, previous: null, mean: 3 },
    cycleTimeMedian: { value: 20, previous: null, mean: 20 },
    cycleTimeP85: { value: 27, previous: null, mean: 27 },
    deployMedian: { value: 60, previous: null, mean: 60 },
    outliers: { value: 0 },
    defectsFixed: { value: 1, previous: null },
    regressionTestRate: { value: 1 },
    hotspotFilesChanged: { value: 2 },
    releasedItems: { value: 5, previous: null },
    leadTimeMedian: { value: 41.25 },
  },
  // The same rows in the exported Markdown (display rounding of reviewFormat.ts).
  markdownRows: [
    '| Throughput (merged changes) | 3 | — | 3 (1) |  |',
    '| Cycle time median | 20 h | — | 20 h (1) |  |',
    '| Cycle time p85 | 27 h | — | 27 h (1) |  |',
    '| Deploy (median) | 60 h | — | 60 h (1) |  |',
    '| Defects fixed | 1 | — |',
    '| Regression-test rate | 100.0% | — |',
  ],
  markdownRowsAtEnd: ['| Items released | 5 | — |', '| Lead time median | 41.3 d |'],
};
