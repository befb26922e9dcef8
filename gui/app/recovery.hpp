#pragma once
// The recovery file: while the document has unsaved changes its last good case is written every few
// seconds to AppDataLocation/recovery.json (atomically, through models::saveCaseFileAtomically). A
// clean save or close removes it, so a file found at start-up means the last session did not end
// cleanly, and the window offers it back.

#include "models/case_file.hpp"

#include <QString>

#include <optional>

namespace cityfin::gui {

class Recovery {
public:
    /// dir: where the recovery file lives (QStandardPaths::AppDataLocation by default).
    explicit Recovery(QString dir = {});

    QString file() const;
    void write(const models::Case& c) const;
    /// The recovered case, or nothing when there is no file or it does not parse.
    std::optional<models::Case> read() const;
    void clear() const;

private:
    QString dir_;
};

} // namespace cityfin::gui
