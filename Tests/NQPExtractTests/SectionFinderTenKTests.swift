import Testing
@testable import NQPExtract

@Suite("Sections: US 10-K Item 7")
struct SectionFinderTenKTests {
    typealias T = SectionTestText

    static let tableOfContents = """
    TABLE OF CONTENTS
    Item 1.
    Business
    4
    Item 7.
    Management's Discussion and Analysis of Financial Condition and Results of Operations
    35
    Item 7A.
    Quantitative and Qualitative Disclosures About Market Risk
    48
    Item 8.
    Financial Statements and Supplementary Data
    50
    """

    @Test("Item 7 to Item 7A, skipping the table of contents and in-text references")
    func withSevenA() throws {
        let layout = """
        \(Self.tableOfContents)
        Item 1. Business
        Our strategy is described in
        Item 7. Management's Discussion and Analysis, which you should read with our risk factors. See
        Item 7 of this report for more information.
        \(T.englishProse("business", paragraphs: 5))
        Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations
        \(T.englishProse("operating", paragraphs: 20))
        Item 7A. Quantitative and Qualitative Disclosures About Market Risk
        \(T.englishProse("market risk", paragraphs: 3))
        Item 8. Financial Statements and Supplementary Data
        """
        let (result, text, _) = T.find(layout)
        let section = try #require(result.section)
        #expect(result.warnings.isEmpty)
        #expect(section.heading == "Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations")
        let body = try #require(text)
        #expect(body.hasPrefix("Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations Our operating results in paragraph 1"))
        #expect(body.contains("paragraph 20"))
        #expect(!body.contains("market risk"))
        #expect(!body.contains("Item 7A"))
    }

    @Test("without Item 7A the section ends at Item 8")
    func withoutSevenA() throws {
        let layout = """
        ITEM 7. MANAGEMENT'S DISCUSSION AND ANALYSIS OF FINANCIAL CONDITION AND RESULTS OF OPERATIONS
        \(T.englishProse("operating", paragraphs: 20))
        ITEM 8. FINANCIAL STATEMENTS AND SUPPLEMENTARY DATA
        \(T.englishProse("audited", paragraphs: 3))
        """
        let (result, text, _) = T.find(layout)
        #expect(result.section != nil)
        let body = try #require(text)
        #expect(body.hasSuffix("data center revenue. "))
        #expect(!body.contains("audited"))
    }

    @Test("an Item 7 incorporated by reference: no section, a warning naming the pointer")
    func incorporatedByReference() {
        let layout = """
        \(Self.tableOfContents)
        Item 7. Management’s Discussion and Analysis of Financial Condition and Results of Operations:
        Information required by this item is incorporated by reference to the 2024 Annual Report.
        Item 7A. Quantitative and Qualitative Disclosures About Market Risk:
        Incorporated by reference.
        Item 8. Financial Statements and Supplementary Data:
        """
        let (result, text, _) = T.find(layout)
        #expect(result.section == nil)
        #expect(text == nil)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.contains("incorporated by reference") == true)
        #expect(result.warnings.first?.contains("carries no annual report") == true)
    }
}
