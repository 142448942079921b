// How fast the obligations engine scans a caseload, per profile, and what it
// costs to get a case into that form (parse JSON, fold). See README.md.
//
// Own flags (before the Google Benchmark ones):
//   --cases=N        cases in the caseload the engine scans (400000)
//   --fold_cases=N   histories folded per iteration (2000)
//   --parse_cases=N  JSON documents parsed per iteration (1000)
//   --verify=N       cases checked against parse + fold first (1000)
//   --gen_threads=N  threads that generate the caseload (2)
//   --write_case=I   write case I as case-history JSON to stdout and exit
#include <benchmark/benchmark.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "app/profile_catalog.h"
#include "bench/caseload.h"
#include "core/casefile/case_history.h"
#include "core/obligations/obligations.h"

namespace {

using cinplan::CaseHistory;
using cinplan::CaseState;
using cinplan::Obligation;
using cinplan::Profile;
using cinplan::bench::Caseload;
using cinplan::bench::CaseloadOptions;

struct Flags {
  std::size_t cases = 400'000;
  std::size_t fold_cases = 2'000;
  std::size_t parse_cases = 1'000;
  std::size_t verify = 1'000;
  std::size_t gen_threads = 2;
  std::size_t write_case = 0;
  bool write = false;
};

// Reads "--name=N" into `out`; false when `arg` is another flag.
bool number_flag(std::string_view arg, std::string_view name, std::size_t& out) {
  if (!arg.starts_with(name)) return false;
  const std::string_view v = arg.substr(name.size());
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc{} || end != v.data() + v.size()) {
    std::fprintf(stderr, "bench_obligations: %.*s needs a whole number\n",
                 static_cast<int>(name.size() - 1), name.data());
    std::exit(2);
  }
  return true;
}

// Takes our flags out of argv, leaving the rest for Google Benchmark.
Flags take_flags(int& argc, char** argv) {
  Flags f;
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (number_flag(a, "--cases=", f.cases) || number_flag(a, "--fold_cases=", f.fold_cases) ||
        number_flag(a, "--parse_cases=", f.parse_cases) || number_flag(a, "--verify=", f.verify) ||
        number_flag(a, "--gen_threads=", f.gen_threads)) {
      continue;
    }
    if (number_flag(a, "--write_case=", f.write_case)) {
      f.write = true;
      continue;
    }
    argv[kept++] = argv[i];
  }
  argc = kept;
  return f;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// evaluate_obligations for every case of the caseload, one output vector
// reused (cleared per case, as a projection scanning cases would).
void BM_Obligations(benchmark::State& state, const Profile* profile, const Caseload* load) {
  std::vector<Obligation> out;
  out.reserve(256);
  std::size_t obligations = 0;
  for (auto _ : state) {
    for (const CaseState& c : load->cases) {
      out.clear();
      cinplan::evaluate_obligations(*profile, c, load->today, out);
      obligations += out.size();
      benchmark::DoNotOptimize(out.data());
    }
    benchmark::ClobberMemory();
  }
  const double cases =
      static_cast<double>(state.iterations()) * static_cast<double>(load->cases.size());
  state.SetItemsProcessed(static_cast<std::int64_t>(cases));
  state.counters["cases"] = static_cast<double>(load->cases.size());
  state.counters["rules"] = static_cast<double>(profile->rules.size());
  state.counters["obligations_per_case"] = static_cast<double>(obligations) / cases;
  state.counters["fact_bytes_per_case"] =
      static_cast<double>(load->fact_bytes()) / static_cast<double>(load->cases.size());
  state.counters["state_bytes_per_case"] =
      static_cast<double>(load->state_bytes()) / static_cast<double>(load->cases.size());
}

// The same scan with the next-but-one case's facts prefetched while this one
// is evaluated: how much of the scan's time is waiting for memory (a caseload
// of 400,000 cases is far larger than the caches).
void BM_ObligationsPrefetch(benchmark::State& state, const Profile* profile, const Caseload* load) {
  std::vector<Obligation> out;
  out.reserve(256);
  const auto& cases = load->cases;
  for (auto _ : state) {
    for (std::size_t i = 0; i < cases.size(); ++i) {
      if (i + 2 < cases.size()) {
        const auto facts = cases[i + 2].all_facts();
        const char* bytes = reinterpret_cast<const char*>(facts.data());
        for (std::size_t off = 0; off < facts.size_bytes(); off += 64) {
          __builtin_prefetch(bytes + off);
        }
        if (i + 4 < cases.size()) __builtin_prefetch(&cases[i + 4]);
      }
      out.clear();
      cinplan::evaluate_obligations(*profile, cases[i], load->today, out);
      benchmark::DoNotOptimize(out.data());
    }
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(cases.size()));
  state.counters["cases"] = static_cast<double>(cases.size());
}

// fold() of histories already parsed.
void BM_Fold(benchmark::State& state, const std::vector<CaseHistory>* histories) {
  std::size_t events = 0;
  for (const CaseHistory& h : *histories) events += h.events.size();
  for (auto _ : state) {
    for (const CaseHistory& h : *histories) {
      CaseState s = cinplan::fold(h);
      benchmark::DoNotOptimize(s);
    }
  }
  const auto n = state.iterations() * static_cast<std::int64_t>(histories->size());
  state.SetItemsProcessed(n);
  state.counters["cases"] = static_cast<double>(histories->size());
  state.counters["events_per_case"] =
      static_cast<double>(events) / static_cast<double>(histories->size());
  state.counters["events_per_second"] =
      benchmark::Counter(static_cast<double>(events) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

// parse_case_history() of the JSON text (the checks included).
void BM_ParseCaseHistory(benchmark::State& state, const std::vector<std::string>* texts) {
  std::size_t bytes = 0;
  for (const std::string& t : *texts) bytes += t.size();
  for (auto _ : state) {
    for (const std::string& t : *texts) {
      auto h = cinplan::parse_case_history(t);
      if (!h) {
        state.SkipWithError("a generated case did not parse");
        return;
      }
      benchmark::DoNotOptimize(h);
    }
  }
  const auto n = state.iterations() * static_cast<std::int64_t>(texts->size());
  state.SetItemsProcessed(n);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
  state.counters["cases"] = static_cast<double>(texts->size());
  state.counters["json_bytes_per_case"] =
      static_cast<double>(bytes) / static_cast<double>(texts->size());
}

void print_caseload(const Caseload& load, double secs) {
  const auto& s = load.stats;
  const double n = static_cast<double>(s.cases);
  auto pct = [n](std::size_t x) { return 100.0 * static_cast<double>(x) / n; };
  std::printf(
      "caseload: %zu cases as at %s, generated in %.2f s\n"
      "  facts %zu (%.1f per case, %.0f bytes of facts per case, %.0f bytes of state per case, "
      "%.0f MB in all)\n"
      "  closed %.1f%%, disability %.1f%%, direct payments %.1f%%, supervision orders %.1f%% "
      "(%.1f%% extended), moved in %.1f%%, consent withdrawn %.1f%%\n"
      "  meetings %.1f per case, visits %.1f per case (%.1f%% child not seen)\n",
      s.cases, load.today.to_string().c_str(), secs, s.facts, static_cast<double>(s.facts) / n,
      static_cast<double>(load.fact_bytes()) / n, static_cast<double>(load.state_bytes()) / n,
      static_cast<double>(load.state_bytes()) / 1e6, pct(s.closed), pct(s.disability),
      pct(s.direct_payments), pct(s.supervision_orders), pct(s.orders_extended), pct(s.moved_in),
      pct(s.consent_withdrawn), static_cast<double>(s.meetings) / n,
      static_cast<double>(s.visits) / n,
      s.visits ? 100.0 * static_cast<double>(s.visits_not_seen) / static_cast<double>(s.visits)
               : 0.0);
  std::fflush(stdout);
}

// What the engine finds in the caseload, per profile (and a warm-up).
void print_statuses(const cinplan::app::ProfileCatalog& catalog, const Caseload& load) {
  using cinplan::ObligationStatus;
  constexpr int kStatuses = 8;
  std::printf("obligations per case by status, as at %s:\n  %-22s %6s",
              load.today.to_string().c_str(), "profile", "all");
  for (int k = 0; k < kStatuses; ++k) {
    std::printf(" %11s", std::string(cinplan::to_string(static_cast<ObligationStatus>(k))).c_str());
  }
  std::printf("\n");
  std::vector<Obligation> out;
  for (const Profile& p : catalog.profiles()) {
    std::size_t counts[kStatuses] = {};
    std::size_t all = 0;
    for (const CaseState& c : load.cases) {
      out.clear();
      cinplan::evaluate_obligations(p, c, load.today, out);
      for (const Obligation& o : out) ++counts[static_cast<int>(o.status) % kStatuses];
      all += out.size();
    }
    const double n = static_cast<double>(load.cases.size());
    std::printf("  %-22s %6.2f", p.id.c_str(), static_cast<double>(all) / n);
    for (const std::size_t c : counts) std::printf(" %11.2f", static_cast<double>(c) / n);
    std::printf("\n");
  }
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const Flags flags = take_flags(argc, argv);
  CaseloadOptions options;
  options.cases = flags.cases;

  if (flags.write) {
    std::cout << cinplan::bench::case_history_json(options, flags.write_case);
    return 0;
  }

  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  // The generator must make exactly the facts fold() makes of the same case.
  {
    const auto t = std::chrono::steady_clock::now();
    if (auto ok = cinplan::bench::verify_against_fold(options, flags.verify); !ok) {
      std::fprintf(stderr, "bench_obligations: generator and fold() disagree: %s\n",
                   ok.error().message.c_str());
      std::abort();
    }
    std::printf("verified: %zu generated cases equal parse_case_history + fold (%.2f s)\n",
                flags.verify, seconds_since(t));
  }

  auto catalog = cinplan::app::ProfileCatalog::load(cinplan::app::default_profiles_folder());
  if (!catalog) {
    std::fprintf(stderr, "bench_obligations: %s\n", catalog.error().describe().c_str());
    return 2;
  }

  const auto t = std::chrono::steady_clock::now();
  const Caseload load =
      cinplan::bench::generate_caseload(options, static_cast<unsigned>(flags.gen_threads));
  print_caseload(load, seconds_since(t));
  print_statuses(*catalog, load);

  std::vector<std::string> texts;
  for (std::size_t i = 0; i < flags.parse_cases; ++i) {
    texts.push_back(cinplan::bench::case_history_json(options, i));
  }
  std::vector<CaseHistory> histories;
  for (std::size_t i = 0; i < flags.fold_cases; ++i) {
    histories.push_back(
        *cinplan::parse_case_history(cinplan::bench::case_history_json(options, i)));
  }

  for (const Profile& p : catalog->profiles()) {
    benchmark::RegisterBenchmark(("BM_Obligations/" + p.id).c_str(), BM_Obligations, &p, &load)
        ->Unit(benchmark::kMillisecond);
  }
  for (const Profile& p : catalog->profiles()) {
    benchmark::RegisterBenchmark(("BM_ObligationsPrefetch/" + p.id).c_str(), BM_ObligationsPrefetch,
                                 &p, &load)
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::RegisterBenchmark("BM_Fold", BM_Fold, &histories)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_ParseCaseHistory", BM_ParseCaseHistory, &texts)
      ->Unit(benchmark::kMillisecond);

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
