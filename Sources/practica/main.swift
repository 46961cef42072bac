import Foundation
import EventLog
import PracticaCLI

DamagedPageSignal.install()
exit(Practica.run(Array(CommandLine.arguments.dropFirst())))
