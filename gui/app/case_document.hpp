#pragma once
// The case being edited: the case file's JSON document, re-parsed with models::parseCase after every
// edit so the GUI and the CLI share one validation. A failed parse keeps the last good case (and so
// the last good results) and exposes the loader's own message and the JSON pointer it names.
// Every edit is one QUndoCommand; saving goes through models::saveCaseFileAtomically only.

#include "models/case_file.hpp"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace cityfin::gui {

class CaseDocument : public QObject {
    Q_OBJECT
public:
    explicit CaseDocument(QObject* parent = nullptr);

    /// Loads a case file; throws InputError (the document is left as it was).
    void open(const QString& path);
    /// Starts an unsaved document from a template case file (no path, modified).
    void openTemplate(const QString& templatePath);
    /// Starts an unsaved document from a case (a recovered one).
    void openUnsaved(const models::Case& c);
    /// Saves atomically to path (the current path when empty); throws InputError when the document
    /// does not parse or the file cannot be written.
    void save(const QString& path = {});

    /// Sets the value at a JSON pointer as one undoable command; a no-op when unchanged.
    void setValue(const std::string& pointer, const nlohmann::json& value);
    /// Without an undo command (used by the command itself).
    void applyValue(const std::string& pointer, const nlohmann::json& value);

    const nlohmann::json& json() const { return json_; }
    const std::optional<models::Case>& lastGoodCase() const { return lastGood_; }
    bool valid() const { return error_.isEmpty(); }
    QString errorMessage() const { return error_; }
    std::string errorPointer() const { return errorPointer_; }
    QString path() const { return path_; }
    QUndoStack* undoStack() { return &undo_; }
    bool isModified() const { return !undo_.isClean() || untitledModified_; }

Q_SIGNALS:
    void documentReset();                       ///< a new file or template was loaded
    void valueChanged(const std::string& pointer);
    void shapeChanged();                        ///< a list or object was replaced: the fields differ
    void caseChanged();                         ///< a new case parsed without error
    void errorChanged();
    void modifiedChanged(bool modified);
    void pathChanged(const QString& path);

private:
    void reparse();
    void load(const std::string& text);

    nlohmann::json json_;
    std::optional<models::Case> lastGood_;
    QString error_;
    std::string errorPointer_;
    QString path_;
    QUndoStack undo_;
    bool untitledModified_ = false;
};

} // namespace cityfin::gui
