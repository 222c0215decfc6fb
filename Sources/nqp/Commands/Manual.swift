import ArgumentParser
import Foundation
import NQPPipeline

/// `nqp generate-manual`: the man page (roff, section 1) built from the same help text as `--help`, one section per
/// subcommand, so the manual never disagrees with the binary. `scripts/install.sh` installs its output as
/// `share/man/man1/nqp.1`. (argument-parser's generate-manual plugin would need a second, non-static release build
/// of the whole package; this reads the help of the binary itself.)
struct Manual: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-manual",
        abstract: "Print nqp's manual page (roff) built from the help text; `man -l` shows it.",
        shouldDisplay: false)

    func run() throws {
        print(Self.page(date: Self.buildDate()))
    }

    /// All commands in help order, depth first, with their full names ("dict list").
    static func commands(_ command: any ParsableCommand.Type = NQP.self, prefix: [String] = [])
        -> [(name: String, type: any ParsableCommand.Type)] {
        var list: [(name: String, type: any ParsableCommand.Type)] = []
        for sub in command.configuration.subcommands where sub.configuration.shouldDisplay {
            let name = prefix + [sub._commandName]
            list.append((name.joined(separator: " "), sub))
            list += commands(sub, prefix: name)
        }
        return list
    }

    static func page(date: String) -> String {
        var lines = [
            ".TH NQP 1 \"\(date)\" \"nqp \(NQPVersion.withCommit)\" \"User Commands\"",
            ".SH NAME",
            "nqp \\- " + escape(NQP.configuration.abstract),
            ".SH SYNOPSIS",
            ".B nqp",
            ".I command",
            "[\\fIoptions\\fR]",
            ".SH DESCRIPTION",
        ]
        lines += verbatim(NQP.helpMessage(columns: 72))
        for (name, type) in commands() {
            lines.append(".SH \"NQP \(name.uppercased())\"")
            lines += verbatim(NQP.helpMessage(for: type, columns: 72))
        }
        lines += [
            ".SH FILES",
            ".TP", "\\fIpipeline.yml\\fR", "The configuration (\\fBnqp init\\fR writes a commented starter).",
            ".TP", "\\fIout/\\fR", "The default output folder: panel.dta, panel.csv, counts.csv, manifest.json and more.",
            ".SH \"SEE ALSO\"",
            "README.md of nqp: the configuration reference, the method notes and their sources.",
        ]
        return lines.joined(separator: "\n")
    }

    /// Help text kept as printed (no filling), with roff's control characters escaped.
    static func verbatim(_ text: String) -> [String] {
        [".nf"] + text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) } + [".fi"]
    }

    static func escape(_ line: String) -> String {
        var out = line.replacingOccurrences(of: "\\", with: "\\e")
        if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
        return out
    }

    /// The date shown in the page header: SOURCE_DATE_EPOCH when set (reproducible builds), else today.
    static func buildDate() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init)
        return formatter.string(from: epoch.map { Date(timeIntervalSince1970: $0) } ?? Date())
    }
}
