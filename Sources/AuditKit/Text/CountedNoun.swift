extension Int {
    /// The count with its noun in the right number: `1 question`, `3 questions`, `1 rule open`.
    /// `plural` is for nouns that do not just add an "s".
    public func counted(_ noun: String, plural: String? = nil) -> String {
        "\(self) " + (self == 1 ? noun : plural ?? noun + "s")
    }
}
