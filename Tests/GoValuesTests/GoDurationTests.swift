import Testing
import GoValues

/// Durations read as `parseutil.ParseDurationSecond` reads them and printed as the CLI prints them.
struct GoDurationTests {
    @Test(arguments: [
        ("", 0), ("300", 300), ("-5", -5), ("5m", 300), ("1h30m", 5400), ("1.5h", 5400), ("2d", 172_800), ("1500ms", 1),
        ("90s", 90), ("0", 0), ("768h", 2_764_800), ("-2m", -120),
    ] as [(String, Int)])
    func readsWhatVaultReads(_ text: String, _ seconds: Int) {
        #expect(GoDuration.seconds(text) == seconds)
    }

    @Test(arguments: ["1d2h", "5 minutes", "h", "1x", "--1m", "1.2.3s", "abc"])
    func refusesWhatVaultRefuses(_ text: String) {
        #expect(GoDuration.seconds(text) == nil)
    }

    @Test func printsAsGoAndTheCLI() {
        #expect(GoDuration.goString(seconds: 3600) == "1h0m0s")
        #expect(GoDuration.goString(seconds: 0) == "0s")
        #expect(GoDuration.human(seconds: 2_764_800) == "768h")
        #expect(GoDuration.human(seconds: 5400) == "1h30m")
        #expect(GoDuration.human(seconds: 90) == "1m30s")
        #expect(GoDuration.human(seconds: 3601) == "1h1s")
        #expect(GoDuration.human(seconds: 86_400) == "24h")
        #expect(GoDuration.human(seconds: 120) == "2m")
        #expect(GoDuration.human(seconds: 0) == "0s")
    }
}
