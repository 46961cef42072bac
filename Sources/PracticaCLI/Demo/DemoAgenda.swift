import RevenueCycle

/// Something that happens at a moment of the simulated year.
enum DemoTask {
    case registerNewPatient(Int)
    case bookingRound(count: Int)
    case cancel(AppointmentID, byPractice: Bool)
    case checkIn(AppointmentID)
    case noShow(AppointmentID)
    case checkOut(AppointmentID)
    case enterCharges(AppointmentID)
    case scrubAll
    case fixHold(ClaimID, rule: String)
    case submitClean
    case remittance(payer: Int)
    case secondaryClaim(ClaimID)
    case patientPays(VisitID, patient: Int, share: Int)
    case statementRun
    case workDenials(ClaimID)
    case writeOffDenials(ClaimID)
}

/// The tasks still to come, earliest first (ties in the order they were added),
/// so the simulation runs in time order and the clock never goes back.
struct DemoAgenda {
    private struct Entry {
        let at: Int64
        let sequence: Int
        let task: DemoTask

        func precedes(_ other: Entry) -> Bool { (at, sequence) < (other.at, other.sequence) }
    }

    private var heap: [Entry] = []
    private var sequence = 0

    var isEmpty: Bool { heap.isEmpty }

    mutating func add(_ task: DemoTask, at instant: Instant) {
        sequence += 1
        heap.append(Entry(at: instant.secondsSinceEpoch, sequence: sequence, task: task))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// The earliest task if it is due before `limit`, removed from the agenda.
    mutating func next(before limit: Instant) -> (Instant, DemoTask)? {
        guard let first = heap.first, first.at < limit.secondsSinceEpoch else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count, heap[left].precedes(heap[smallest]) { smallest = left }
                if right < heap.count, heap[right].precedes(heap[smallest]) { smallest = right }
                guard smallest != parent else { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return (Instant(secondsSinceEpoch: first.at), first.task)
    }
}
