#include "gui/app/case_document.hpp"

#include "finance/errors.hpp"
#include "gui/app/json_path.hpp"

#include <QUndoCommand>

#include <fstream>
#include <sstream>

namespace cityfin::gui {
namespace {

// One field change; undo puts the old value back.
class SetValueCommand : public QUndoCommand {
public:
    SetValueCommand(CaseDocument* doc, std::string pointer, nlohmann::json before, nlohmann::json after)
        : doc_(doc), pointer_(std::move(pointer)), before_(std::move(before)), after_(std::move(after))
    {
        setText(QString::fromStdString(pathFromPointer(pointer_)));
    }
    void undo() override { doc_->applyValue(pointer_, before_); }
    void redo() override { doc_->applyValue(pointer_, after_); }

private:
    CaseDocument* doc_;
    std::string pointer_;
    nlohmann::json before_, after_;
};

std::string readText(const QString& path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    if (!in) throw InputError("case file", path.toStdString(), "a readable file");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

CaseDocument::CaseDocument(QObject* parent) : QObject(parent)
{
    connect(&undo_, &QUndoStack::cleanChanged, this, [this] { Q_EMIT modifiedChanged(isModified()); });
}

void CaseDocument::load(const std::string& text)
{
    models::Case parsed = models::parseCase(text);   // throws before anything changes
    json_ = nlohmann::json::parse(text);
    lastGood_ = std::move(parsed);
    error_.clear();
    errorPointer_.clear();
    undo_.clear();
    Q_EMIT documentReset();
    Q_EMIT errorChanged();
    Q_EMIT caseChanged();
}

void CaseDocument::open(const QString& path)
{
    load(readText(path));
    path_ = path;
    untitledModified_ = false;
    undo_.setClean();
    Q_EMIT pathChanged(path_);
    Q_EMIT modifiedChanged(false);
}

void CaseDocument::openTemplate(const QString& templatePath)
{
    load(readText(templatePath));
    path_.clear();
    untitledModified_ = true;
    Q_EMIT pathChanged(path_);
    Q_EMIT modifiedChanged(true);
}

void CaseDocument::openUnsaved(const models::Case& c)
{
    load(models::caseToJson(c));
    path_.clear();
    untitledModified_ = true;
    Q_EMIT pathChanged(path_);
    Q_EMIT modifiedChanged(true);
}

void CaseDocument::save(const QString& path)
{
    const QString target = path.isEmpty() ? path_ : path;
    if (target.isEmpty()) throw InputError("case file", "", "a file name to save to");
    // The document itself, not the last good case: an invalid document is not saved.
    const models::Case current = models::parseCase(json_.dump());
    models::saveCaseFileAtomically(target.toStdString(), current);
    untitledModified_ = false;
    undo_.setClean();
    if (target != path_) {
        path_ = target;
        Q_EMIT pathChanged(path_);
    }
    Q_EMIT modifiedChanged(false);
}

void CaseDocument::setValue(const std::string& pointer, const nlohmann::json& value)
{
    const nlohmann::json::json_pointer ptr(pointer);
    const nlohmann::json before = json_.contains(ptr) ? json_.at(ptr) : nlohmann::json();
    if (before == value) return;
    undo_.push(new SetValueCommand(this, pointer, before, value));
}

void CaseDocument::applyValue(const std::string& pointer, const nlohmann::json& value)
{
    json_[nlohmann::json::json_pointer(pointer)] = value;
    if (value.is_structured()) Q_EMIT shapeChanged();   // an item added or removed
    Q_EMIT valueChanged(pointer);
    reparse();
}

void CaseDocument::reparse()
{
    try {
        lastGood_ = models::parseCase(json_.dump());
        const bool hadError = !error_.isEmpty();
        error_.clear();
        errorPointer_.clear();
        if (hadError) Q_EMIT errorChanged();
        Q_EMIT caseChanged();
    } catch (const InputError& e) {
        error_ = QString::fromUtf8(e.what());
        errorPointer_ = pointerFromPath(e.field());
        Q_EMIT errorChanged();
    } catch (const std::exception& e) {   // a value JSON cannot hold; no field to point at
        error_ = QString::fromUtf8(e.what());
        errorPointer_.clear();
        Q_EMIT errorChanged();
    }
}

} // namespace cityfin::gui
