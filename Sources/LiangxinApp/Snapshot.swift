import LiangxinModel
import LiangxinStore
import TermKit

/// Headless rendering: the same update loop and renderer as the terminal, printed as text.
@MainActor
public enum Snapshot {
    public static func render(ctx: AppContext, panel: PanelID, width: Int, height: Int, keys: [Key]) -> [String] {
        let app = App(ctx: ctx, start: panel)
        for k in keys {
            if case .char("q") = k, !app.activePanel.capturesText { continue }   // a snapshot never quits early
            app.update(.key(k))
        }
        return app.render(width: width, height: height).lines()
    }
}
