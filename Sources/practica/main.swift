import Foundation
import PracticaCLI

exit(Practica.run(Array(CommandLine.arguments.dropFirst())))
