import Diagnostics
import Liquid
import Testing

@Suite struct LiquidContextTests {
    let values: [String: LiquidValue] = [
        "n": 3, "pi": 3.5, "s": "vault", "empty_s": "", "space": "  ", "list": ["a", "b"], "none": [],
        "dict": ["k": "v"], "f": false, "z": 0,
    ]

    /// Renders `yes` or `no` for a condition.
    func holds(_ condition: String) -> String { output("{% if \(condition) %}yes{% else %}no{% endif %}", values) }

    @Test func truthinessOnlyNilAndFalseAreFalse() {
        #expect(holds("n") == "yes")
        #expect(holds("z") == "yes")
        #expect(holds("empty_s") == "yes")
        #expect(holds("none") == "yes")
        #expect(holds("f") == "no")
        #expect(holds("undefined") == "no")
        #expect(holds("nil") == "no")
    }

    @Test func comparisons() {
        #expect(holds("n == 3") == "yes")
        #expect(holds("n == 3.0") == "yes")
        #expect(holds("n != 3") == "no")
        #expect(holds("n <> 4") == "yes")
        #expect(holds("n < 4") == "yes")
        #expect(holds("n > 4") == "no")
        #expect(holds("n <= 3") == "yes")
        #expect(holds("pi >= 3.5") == "yes")
        #expect(holds("s == 'vault'") == "yes")
        #expect(holds("s < 'w'") == "yes")
        #expect(holds("s > 1") == "no")
        #expect(holds("undefined == nil") == "yes")
    }

    @Test func contains() {
        #expect(holds("s contains 'aul'") == "yes")
        #expect(holds("s contains 'x'") == "no")
        #expect(holds("list contains 'b'") == "yes")
        #expect(holds("list contains 'c'") == "no")
        #expect(holds("dict contains 'k'") == "yes")
        #expect(holds("n contains 3") == "no")
    }

    @Test func emptyAndBlank() {
        #expect(holds("empty_s == empty") == "yes")
        #expect(holds("none == empty") == "yes")
        #expect(holds("list == empty") == "no")
        #expect(holds("space == blank") == "yes")
        #expect(holds("undefined == blank") == "yes")
        #expect(holds("s != blank") == "yes")
    }

    @Test func andOrEvaluateRightToLeft() {
        #expect(holds("n == 3 and s == 'vault'") == "yes")
        #expect(holds("n == 3 and s == 'x'") == "no")
        #expect(holds("f or n") == "yes")
        // Liquid reads `true or false and false` as `true or (false and false)`.
        #expect(holds("true or false and false") == "yes")
        #expect(holds("false and false or true") == "no")
    }

    @Test func evaluateReadsPaths() {
        let context = LiquidContext(["page": ["tags": ["a", "b"]]])
        #expect(context.evaluate("page.tags[1]") == "b")
        #expect(context.evaluate("'lit'") == "lit")
        #expect(context.evaluate("page.tags |") == .null)
        #expect(context["page"]["tags"]["size"] == 2)
    }

    @Test func badConditionIsAnErrorAndTheBodyIsSkipped() {
        let result = render("a{% if n === 3 %}b{% endif %}c", values)
        #expect(result.output == "ac")
        #expect(diagnostics(result) == ["page.md:1:12: error: expected a value but found `=` in `if` condition"])
    }
}
