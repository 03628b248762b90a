/// Inbox and helpdesk exports: reply rates and first reply times, each platform's and over all.
extension MeasureRun {
    /// Measures the inbox and ticket exports, each platform apart and over all of them.
    mutating func measureInbox() throws {
        guard !input.inbox.isEmpty else { return }
        let window = try window(for: .inbox)
        let channels: InboxAccumulator.ChannelFilter? = input.allChannels ? nil
            : input.socialChannels.map(InboxAccumulator.ChannelFilter.init(names:)) ?? .social
        let groups = try read(.inbox, window: window, make: { _ in InboxAccumulator(window: window, channels: channels) },
                              begin: { a, _, _, columns in
                                  a.beginFile(columns: columns)
                                  return nil
                              })
        var tallies: [InboxTally] = []
        var parts: [PlatformMetrics<InboxMetrics>] = []
        for g in groups {
            var tally = g.accumulator.tally()
            if !tally.otherChannels.isEmpty {
                // Said, never silent: which tickets were left out, and how to keep them.
                let list = tally.otherChannels.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }
                let total = tally.otherChannels.values.reduce(0, +)
                warnings.append(PresenceWarning(file: input.files(.inbox).first ?? "", line: nil, message:
                    "\(MeasurementTable.counted(total, "ticket")) of other channels left out (\(list.joined(separator: ", "))); --all-channels keeps them"))
            }
            let coverage = Coverage.of(input.window, window: window, extent: tally.extent, span: tally.span, what: g.what(.inbox))
            parts.append(PlatformMetrics(platform: g.platform, metrics: tally.metrics(skippedRows: g.skippedRows), coverage: coverage))
            tallies.append(tally)
        }
        let inbox = overAll(.inbox, parts) {
            var all = InboxTally()
            for i in tallies.indices { all.absorb(&tallies[i]) }
            return all.metrics(skippedRows: groups.reduce(0) { $0 + $1.skippedRows })
        }
        measurement.inbox = inbox.metrics
        measurement.inboxByPlatform = inbox.byPlatform
    }
}
