// TermKit
