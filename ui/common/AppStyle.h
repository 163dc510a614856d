#pragma once

// The app's look, set once on the application: Fusion (the same on every desktop and
// offscreen, so screenshots match what users see), a light palette, the side bar's
// colours, a clear focus ring (2 px, the highlight colour) and the window icon.
namespace AppStyle {
void apply();
}
