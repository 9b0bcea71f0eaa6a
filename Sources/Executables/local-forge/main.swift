import Foundation
import Steps

@main
enum LocalForgeMain {
    static func main() async {
        exit(await LocalForgeTool.main(Array(CommandLine.arguments.dropFirst())))
    }
}
