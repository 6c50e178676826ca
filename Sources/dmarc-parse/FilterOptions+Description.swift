extension FilterOptions {
    /// The filter options as typed in `arguments` (the command line), for the line that says they left nothing:
    /// `--failing --domain example.net`.
    static func typed(in arguments: [String]) -> [String] {
        let flags: Set<String> = ["--failing"]
        let options: Set<String> = ["--include-ips", "--exclude-ips", "--domain", "--reporter", "--since", "--until"]
        var typed: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            let name = String(argument.prefix(while: { $0 != "=" }))
            if flags.contains(argument) {
                typed.append(argument)
            } else if options.contains(name) {
                if argument.contains("=") {
                    typed.append(argument)
                } else if index + 1 < arguments.count {
                    typed += [argument, arguments[index + 1]]
                    index += 1
                }
            }
            index += 1
        }
        return typed
    }
}
