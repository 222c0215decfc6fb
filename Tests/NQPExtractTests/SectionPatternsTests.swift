import Foundation
import Testing
@testable import NQPExtract

@Suite("Sections: configurable patterns")
struct SectionPatternsTests {

    @Test("a user-added heading style and title find a custom chapter")
    func customStyle() throws {
        var patterns = SectionPatterns()
        patterns.headingStyles.append(HeadingStyle(name: "chinese_list", pattern: "^[一二三四五六七八九十]+、"))
        patterns.mdnaTitles.append("经营讨论")
        let layout = "三、经营讨论\n\(SectionTestText.prose("经营", lines: 30))\n四、重要事项\n"
        #expect(SectionTestText.find(layout, patterns: patterns).0.section?.heading == "三、经营讨论")
    }

    @Test("the defaults are valid; bad regexes and unanchored patterns are reported with their key")
    func problems() {
        #expect(SectionPatterns().problems().isEmpty)
        var patterns = SectionPatterns()
        patterns.headingStyles = [HeadingStyle(name: "broken", pattern: "^第(节"), HeadingStyle(name: "loose", pattern: "第.节")]
        patterns.mdnaTitles = []
        let problems = patterns.problems()
        #expect(problems.count == 3)
        #expect(problems.contains { $0.hasPrefix("sections.heading_styles[0] (broken)") && $0.contains("not a valid regular expression") })
        #expect(problems.contains { $0.hasPrefix("sections.heading_styles[1] (loose)") && $0.contains("must start with ^") })
        #expect(problems.contains { $0.hasPrefix("sections.mdna_titles") })
    }
}

@Suite("Sections: line prefilter")
struct LayoutLinesPrefilterTests {
    @Test("first scalars are read from the default patterns, with full-width digits")
    func defaults() throws {
        let scalars = try #require(LayoutLines.firstScalars(of: SectionPatterns.defaultHeadingStyles.map(\.pattern)))
        #expect(scalars.contains(0x7B2C))       // 第
        #expect(scalars.contains(0x37))         // 7
        #expect(scalars.contains(0xFF17))       // ７
        #expect(!scalars.contains(0x4E00))
    }

    @Test("a pattern starting with something unreadable switches the prefilter off")
    func unreadable() {
        #expect(LayoutLines.firstScalars(of: ["^.+节"]) == nil)
        #expect(LayoutLines.firstScalars(of: ["^\\d+\\."]) == nil)
        #expect(LayoutLines.firstScalars(of: ["第.节"]) == nil)
    }
}
