import CZlibInflate
import Foundation

/// Just enough of PNG to look at a browser screenshot: 8-bit RGB or RGBA, not interlaced (what Chromium
/// writes). Pixels are decoded with zlib and the five row filters of the PNG specification (section 9).
struct PNGImage {
    let width: Int
    let height: Int
    /// RGB triples, row by row.
    let pixels: [UInt8]

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    init(contentsOf url: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: url))
        guard bytes.count > 33, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            throw Malformed(description: "\(url.path): not a PNG file")
        }
        func be32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        var offset = 8
        var idat: [UInt8] = []
        var width = 0, height = 0, channels = 0
        while offset + 8 <= bytes.count {
            let length = be32(offset)
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            let data = offset + 8
            guard data + length <= bytes.count else { throw Malformed(description: "chunk \(type) runs past the end") }
            if type == "IHDR" {
                width = be32(data)
                height = be32(data + 4)
                guard bytes[data + 8] == 8, bytes[data + 12] == 0 else {
                    throw Malformed(description: "only 8-bit, non-interlaced PNGs are read")
                }
                switch bytes[data + 9] {
                case 2: channels = 3
                case 6: channels = 4
                default: throw Malformed(description: "colour type \(bytes[data + 9]) not read")
                }
            } else if type == "IDAT" {
                idat += bytes[data..<data + length]
            }
            offset = data + length + 4
        }
        let stride = width * channels
        let raw = try Self.inflate(idat, expected: (stride + 1) * height)
        guard raw.count == (stride + 1) * height else { throw Malformed(description: "image data of wrong size") }
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        var previous = [UInt8](repeating: 0, count: stride)
        var current = [UInt8](repeating: 0, count: stride)
        for y in 0..<height {
            let filter = raw[y * (stride + 1)]
            let line = y * (stride + 1) + 1
            for x in 0..<stride {
                let a = x >= channels ? Int(current[x - channels]) : 0
                let b = Int(previous[x])
                let c = x >= channels ? Int(previous[x - channels]) : 0
                let value = Int(raw[line + x])
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = a
                case 2: predicted = b
                case 3: predicted = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predicted = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: throw Malformed(description: "row \(y): unknown filter \(filter)")
                }
                current[x] = UInt8((value + predicted) & 0xFF)
            }
            for x in 0..<width {
                for k in 0..<3 { rgb[(y * width + x) * 3 + k] = current[x * channels + k] }
            }
            swap(&previous, &current)
        }
        self.width = width
        self.height = height
        self.pixels = rgb
    }

    static func inflate(_ input: [UInt8], expected: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard nqp_inflateInitGzip(&stream) == Z_OK else { throw Malformed(description: "zlib init failed") }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: expected)
        var source = input
        let status = source.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                return CZlibInflate.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw Malformed(description: "zlib status \(status)") }
        return Array(output.prefix(Int(stream.total_out)))
    }

    /// The most frequent colour and the share of pixels that have it.
    func dominantColour() -> (String, Double) {
        var counts: [UInt32: Int] = [:]
        for i in Swift.stride(from: 0, to: pixels.count, by: 3) {
            counts[UInt32(pixels[i]) << 16 | UInt32(pixels[i + 1]) << 8 | UInt32(pixels[i + 2]), default: 0] += 1
        }
        guard let top = counts.max(by: { $0.value < $1.value }) else { return ("none", 1) }
        return (String(format: "#%06X", top.key), Double(top.value) / Double(max(width * height, 1)))
    }

    func containsColour(r: UInt8, g: UInt8, b: UInt8) -> Bool {
        Swift.stride(from: 0, to: pixels.count, by: 3).contains {
            pixels[$0] == r && pixels[$0 + 1] == g && pixels[$0 + 2] == b
        }
    }
}
