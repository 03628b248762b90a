// PresenceData
