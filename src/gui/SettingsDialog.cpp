#include "SettingsDialog.h"

#include "Autostart.h"
#include "FieldErrorMarker.h"
#include "MonitoredSession.h"
#include "PathTester.h"
#include "RewardsPicker.h"
#include "RulesDelegate.h"
#include "RulesModel.h"
#include "TableKeyboard.h"
#include "TrayIcons.h"
#include "config/ConfigFileEditor.h"
#include "config/ConfigLoader.h"
#include "config/ProjectDetector.h"
#include "config/TrustStore.h"
#include "ui_SettingsDialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

QString quoteArgument(const QString& argument)
{
    if (!argument.isEmpty() && !argument.contains(QRegularExpression(u"[\\s\"'\\\\]"_s)))
        return argument;
    QString quoted = argument;
    quoted.replace(u"\""_s, u"\"\"\""_s); // QProcess::splitCommand reads """ as one literal quote
    return u'"' + quoted + u'"';
}

QString relativeToRoot(const QString& root, const QString& path)
{
    const QString relative = QDir(root).relativeFilePath(path);
    if (relative.isEmpty())
        return u"."_s;
    return relative.startsWith(u"../"_s) || relative == u".." ? path : relative;
}

// The loader's ranges (ConfigLoader.cpp, readInt for watch.*): the spin boxes accept nothing else.
constexpr int kMaxDebounceMs = 60000;
constexpr int kMaxReloadsPerMinute = 6000;

} // namespace

SettingsDialog::SettingsDialog(const Config& config, QWidget* parent)
    : SettingsDialog(config, Mode::EditProject, parent)
{ }

SettingsDialog* SettingsDialog::forNewProject(const QString& folder, QWidget* parent)
{
    Config config = ProjectDetector::configFor(QFileInfo(folder).absoluteFilePath());
    config.sourceFile = QDir(config.projectRoot).filePath(ConfigLoader::fileName.toString());
    return new SettingsDialog(config, Mode::NewProject, parent);
}

SettingsDialog::SettingsDialog(const Config& config, Mode mode, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_mode(mode)
    , m_original(config)
    , m_rules(new RulesModel(this))
    , m_scanner(new PreviewScanner(this))
{
    m_ui->setupUi(this);
    m_marker = std::make_unique<FieldErrorMarker>(m_ui.get(), m_rules, this);
    setWindowIcon(appIcon());
    setWindowTitle(tr("Settings — %1").arg(QDir(config.projectRoot).dirName()));
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setDefault(true);

    m_ui->rulesView->setModel(m_rules);
    m_ui->rulesView->setItemDelegateForColumn(RulesModel::StrategyColumn, new StrategyDelegate(this));
    m_ui->rulesView->horizontalHeader()->setSectionResizeMode(
        RulesModel::PatternColumn, QHeaderView::Stretch);
    m_ui->rulesView->horizontalHeader()->setSectionResizeMode(
        RulesModel::StrategyColumn, QHeaderView::ResizeToContents);
    m_ui->rulesView->horizontalHeader()->setSectionResizeMode(
        RulesModel::FixedColumn, QHeaderView::ResizeToContents);
    // Not CurrentChanged: an editor opened by merely arriving on a cell takes the next key as
    // its own (a strategy combo box read a typed letter as a search and changed the rule). Not
    // SelectedClicked: its delayed editor would race the strategy column's click-to-edit.
    m_ui->rulesView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::AnyKeyPressed);
    TableKeyboard::install(m_ui->rulesView, { RulesModel::StrategyColumn });
    TableKeyboard::install(m_ui->envTable);
    m_ui->pathsList->setTabKeyNavigation(false);
    m_ui->debounceSpin->setRange(0, kMaxDebounceMs);
    m_ui->maxReloadsSpin->setRange(0, kMaxReloadsPerMinute);
    m_ui->envTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_ui->envTable->setMaximumHeight(m_ui->envTable->fontMetrics().height() * 9);
    // Messages use the whole width of their row instead of wrapping at every slash.
    const auto errorLabels = findChildren<QLabel*>(QRegularExpression(u"Error$"_s));
    for (auto* label : errorLabels)
        label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_ui->previewLabel->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    const int line = m_ui->pathsList->fontMetrics().height();
    m_ui->pathsList->setMaximumHeight(line * 8);
    m_ui->excludesEdit->setMaximumHeight(line * 7);
    m_ui->pathsRow->setAlignment(m_ui->pathsList, Qt::AlignTop);
    m_rewardsPicker = new RewardsPicker(m_ui->appTab);
    m_ui->appForm->addRow(tr("Rewards:"), m_rewardsPicker);
    // Spare height goes below the last row, not between the rows.
    for (auto* form : { m_ui->serverForm, m_ui->watchForm, m_ui->appForm })
        form->addItem(new QSpacerItem(0, 0, QSizePolicy::Minimum, QSizePolicy::Expanding));

    m_ui->restartModeCombo->addItem(tr("Blue/green: start the new server, then stop the old one"),
        restartModeName(RestartMode::BlueGreen));
    m_ui->restartModeCombo->addItem(
        tr("Stop, then start (for servers that cannot run twice)"), restartModeName(RestartMode::StopStart));
    m_ui->transportCombo->addItem(
        tr("Standard input and output (stdio)"), serverTransportName(ServerTransport::Stdio));
    m_ui->transportCombo->addItem(tr("Streamable HTTP"), serverTransportName(ServerTransport::Http));
    connect(m_ui->transportCombo, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateUrlField);
    for (auto strategy : { ReloadStrategy::FullRestart, ReloadStrategy::ServiceRestart,
             ReloadStrategy::HotReload, ReloadStrategy::None })
        m_ui->defaultStrategyCombo->addItem(MonitoredSession::strategyText(strategy), strategyName(strategy));
    m_ui->notificationsCombo->addItem(
        tr("All reloads, failures and rewards"), notificationLevelKey(NotificationLevel::All));
    m_ui->notificationsCombo->addItem(
        tr("Failures and rewards only"), notificationLevelKey(NotificationLevel::FailuresAndRewards));
    m_ui->notificationsCombo->addItem(tr("Off"), notificationLevelKey(NotificationLevel::Off));
    m_ui->languageCombo->addItem(tr("System default"), QString());
    m_ui->languageCombo->addItem(u"English"_s, u"en"_s);
    m_ui->languageCombo->addItem(u"Deutsch"_s, u"de"_s);
    m_ui->languageCombo->addItem(u"Français"_s, u"fr"_s);

    loadFields(config);
    AppSettings app;
    m_ui->notificationsCombo->setCurrentIndex(
        m_ui->notificationsCombo->findData(notificationLevelKey(app.notificationLevel())));
    m_ui->languageCombo->setCurrentIndex(std::max(0, m_ui->languageCombo->findData(app.language())));
    const Autostart::State autostart = Autostart::state();
    m_ui->autostartCheck->setChecked(autostart != Autostart::State::Off);
    m_ui->autostartNote->setVisible(autostart == Autostart::State::UserEntry);
    if (!restoreGeometry(app.settingsGeometry()))
        resize(780, 640);
    m_ui->tabs->setCurrentIndex(std::clamp(app.settingsTab(), 0, m_ui->tabs->count() - 1));

    m_checkTimer.setSingleShot(true);
    m_checkTimer.setInterval(300);
    connect(&m_checkTimer, &QTimer::timeout, this, &SettingsDialog::runChecks);
    connect(m_scanner, &PreviewScanner::finished, this, &SettingsDialog::showPreview);
    connectEditing();
    if (m_mode == Mode::NewProject)
        setupNewProject();
    runChecks();
}

void SettingsDialog::setupNewProject()
{
    const QString root = m_original.projectRoot;
    setWindowTitle(tr("New Project — %1").arg(QDir(root).dirName()));
    const ProjectGuess guess = ProjectDetector::detect(root);
    QString text = tr("FoxReload will create %1 in %2 when you press Save.")
                       .arg(ConfigLoader::fileName.toString(), QDir::toNativeSeparators(root));
    if (guess.command.isEmpty())
        text += u"\n"_s + tr("Nothing in this folder says how the server starts: enter its command below.");
    else
        text += u"\n"_s
            + tr("The server command was guessed from %1; check it before you save.")
                  .arg(guess.evidence.join(u", "_s));
    m_ui->configFileLabel->setText(text);
    m_ui->configFileLabel->setWordWrap(true);
    m_ui->tabs->setCurrentWidget(m_ui->serverTab);
    m_ui->commandEdit->setFocus(Qt::OtherFocusReason);
}

QPushButton* SettingsDialog::saveButton() const
{
    return m_ui->buttonBox->button(QDialogButtonBox::Save);
}

SettingsDialog::~SettingsDialog()
{
    // A view commits its open editor when it is destroyed. That must happen here, while the
    // members it reaches (the check timer) still exist, not in ~QObject after them.
    m_loading = true;
    qDeleteAll(findChildren<QWidget*>(Qt::FindDirectChildrenOnly));
}

void SettingsDialog::loadFields(const Config& config)
{
    m_loading = true;
    const QString root = config.projectRoot;
    m_ui->configFileLabel->setText(tr("Project folder: %1").arg(QDir::toNativeSeparators(root)) + u"\n"_s
        + tr("Saved to: %1").arg(QDir::toNativeSeparators(targetFile())));
    m_ui->commandEdit->setText(config.server.command);
    QStringList args;
    for (const auto& arg : config.server.args)
        args.append(quoteArgument(arg));
    m_ui->argsEdit->setText(args.join(u' '));
    m_ui->cwdEdit->setText(config.server.cwd.isEmpty() ? u"."_s : relativeToRoot(root, config.server.cwd));
    m_ui->envTable->setRowCount(0);
    for (auto it = config.server.env.cbegin(); it != config.server.env.cend(); ++it) {
        const int row = m_ui->envTable->rowCount();
        m_ui->envTable->insertRow(row);
        m_ui->envTable->setItem(row, 0, new QTableWidgetItem(it.key()));
        m_ui->envTable->setItem(row, 1, new QTableWidgetItem(it.value()));
    }
    m_ui->restartModeCombo->setCurrentIndex(
        m_ui->restartModeCombo->findData(restartModeName(config.server.restartMode)));
    m_ui->transportCombo->setCurrentIndex(
        m_ui->transportCombo->findData(serverTransportName(config.server.transport)));
    m_ui->urlEdit->setText(config.server.url);
    updateUrlField();

    m_ui->pathsList->clear();
    for (const auto& path : config.watch.paths) {
        auto* item = new QListWidgetItem(relativeToRoot(root, path), m_ui->pathsList);
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
    }
    m_ui->excludesEdit->setPlainText(config.watch.exclude.join(u'\n'));
    m_ui->gitignoreCheck->setChecked(config.watch.respectGitignore);
    m_ui->debounceSpin->setValue(config.watch.debounceMs);
    m_ui->maxReloadsSpin->setValue(config.watch.maxReloadsPerMinute);

    m_rules->setRules(config.rules);
    m_ui->defaultStrategyCombo->setCurrentIndex(
        m_ui->defaultStrategyCombo->findData(strategyName(config.defaultStrategy)));
    m_ui->gamificationCheck->setChecked(config.gamification.enabled);
    m_loading = false;
}

void SettingsDialog::connectEditing()
{
    auto changed = [this] { scheduleChecks(); };
    for (auto* edit : { m_ui->commandEdit, m_ui->argsEdit, m_ui->cwdEdit })
        connect(edit, &QLineEdit::textChanged, this, changed);
    connect(m_ui->excludesEdit, &QPlainTextEdit::textChanged, this, changed);
    connect(m_ui->envTable, &QTableWidget::itemChanged, this, changed);
    connect(m_ui->gitignoreCheck, &QCheckBox::toggled, this, changed);
    connect(m_ui->debounceSpin, &QSpinBox::valueChanged, this, changed);
    connect(m_ui->maxReloadsSpin, &QSpinBox::valueChanged, this, changed);
    connect(m_ui->defaultStrategyCombo, &QComboBox::currentIndexChanged, this, changed);
    connect(m_rules, &QAbstractItemModel::dataChanged, this, changed);
    connect(m_rules, &QAbstractItemModel::rowsInserted, this, changed);
    connect(m_rules, &QAbstractItemModel::rowsRemoved, this, changed);
    connect(m_rules, &QAbstractItemModel::rowsMoved, this, changed);
    connect(m_ui->pathsList->model(), &QAbstractItemModel::rowsInserted, this, changed);
    connect(m_ui->pathsList->model(), &QAbstractItemModel::rowsRemoved, this, changed);

    connect(m_ui->cwdBrowse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Working directory"),
            QDir(m_original.projectRoot).absoluteFilePath(m_ui->cwdEdit->text()));
        if (!dir.isEmpty())
            m_ui->cwdEdit->setText(relativeToRoot(m_original.projectRoot, dir));
    });
    connect(m_ui->envAdd, &QPushButton::clicked, this, [this] {
        const int row = m_ui->envTable->rowCount();
        m_ui->envTable->insertRow(row);
        m_ui->envTable->setItem(row, 0, new QTableWidgetItem(u"NAME"_s));
        m_ui->envTable->setItem(row, 1, new QTableWidgetItem());
        m_ui->envTable->setCurrentCell(row, 0);
        m_ui->envTable->editItem(m_ui->envTable->item(row, 0));
    });
    connect(m_ui->envRemove, &QPushButton::clicked, this, [this] {
        if (m_ui->envTable->currentRow() >= 0) {
            m_ui->envTable->removeRow(m_ui->envTable->currentRow());
            scheduleChecks();
        }
    });
    connect(m_ui->pathAdd, &QPushButton::clicked, this, [this] { addWatchPath(true); });
    connect(m_ui->pathAddFile, &QPushButton::clicked, this, [this] { addWatchPath(false); });
    connect(m_ui->pathRemove, &QPushButton::clicked, this, [this] { delete m_ui->pathsList->currentItem(); });
    connect(m_ui->ruleAdd, &QPushButton::clicked, this, [this] {
        const int current
            = m_ui->rulesView->currentIndex().isValid() ? m_ui->rulesView->currentIndex().row() + 1 : -1;
        const int row = m_rules->addRule(Rule { u"src/**"_s, ReloadStrategy::FullRestart, {}, 0 }, current);
        m_ui->rulesView->setCurrentIndex(m_rules->index(row, RulesModel::PatternColumn));
        m_ui->rulesView->edit(m_rules->index(row, RulesModel::PatternColumn));
    });
    connect(m_ui->ruleRemove, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_ui->rulesView->currentIndex();
        if (current.isValid())
            m_rules->removeRule(current.row());
    });
    connect(m_ui->ruleUp, &QPushButton::clicked, this, [this] { moveSelectedRule(-1); });
    connect(m_ui->ruleDown, &QPushButton::clicked, this, [this] { moveSelectedRule(+1); });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
}

void SettingsDialog::addWatchPath(bool directory)
{
    const QString path = directory
        ? QFileDialog::getExistingDirectory(this, tr("Watch a folder"), m_original.projectRoot)
        : QFileDialog::getOpenFileName(this, tr("Watch a file"), m_original.projectRoot);
    if (path.isEmpty())
        return;
    const QString clean = QDir::cleanPath(path);
    auto* item = new QListWidgetItem(relativeToRoot(m_original.projectRoot, clean), m_ui->pathsList);
    item->setData(Qt::UserRole, clean);
    item->setToolTip(clean);
    m_ui->pathsList->setCurrentItem(item);
}

void SettingsDialog::moveSelectedRule(int delta)
{
    const QModelIndex current = m_ui->rulesView->currentIndex();
    if (!current.isValid())
        return;
    const int to = current.row() + delta;
    if (m_rules->moveRule(current.row(), to))
        m_ui->rulesView->setCurrentIndex(m_rules->index(to, current.column()));
}

QStringList SettingsDialog::watchPaths() const
{
    QStringList paths;
    for (int i = 0; i < m_ui->pathsList->count(); ++i)
        paths.append(m_ui->pathsList->item(i)->data(Qt::UserRole).toString());
    return paths;
}

QStringList SettingsDialog::excludes() const
{
    QStringList patterns;
    const QStringList lines = m_ui->excludesEdit->toPlainText().split(u'\n');
    for (const auto& line : lines) {
        if (!line.trimmed().isEmpty())
            patterns.append(line.trimmed());
    }
    return patterns;
}

Config SettingsDialog::editedConfig() const
{
    Config config = m_original; // keeps what the dialog does not show (hot_reload, grace, backend, ...)
    const QString root = config.projectRoot;
    config.server.command = m_ui->commandEdit->text().trimmed();
    config.server.args = QProcess::splitCommand(m_ui->argsEdit->text());
    const QString cwd = m_ui->cwdEdit->text().trimmed();
    config.server.cwd = QDir::cleanPath(QDir(root).absoluteFilePath(cwd.isEmpty() ? u"."_s : cwd));
    config.server.env.clear();
    for (int row = 0; row < m_ui->envTable->rowCount(); ++row) {
        const auto* name = m_ui->envTable->item(row, 0);
        const auto* value = m_ui->envTable->item(row, 1);
        const QString key = name ? name->text().trimmed() : QString();
        if (key.isEmpty() && (!value || value->text().isEmpty()))
            continue;
        config.server.env.insert(key, value ? value->text() : QString());
    }
    config.server.restartMode = restartModeFromName(m_ui->restartModeCombo->currentData().toString())
                                    .value_or(RestartMode::BlueGreen);
    config.server.transport = serverTransportFromName(m_ui->transportCombo->currentData().toString())
                                  .value_or(ServerTransport::Stdio);
    config.server.url = m_ui->urlEdit->text().trimmed();
    config.watch.paths = watchPaths();
    config.watch.exclude = excludes();
    config.watch.respectGitignore = m_ui->gitignoreCheck->isChecked();
    config.watch.debounceMs = m_ui->debounceSpin->value();
    config.watch.maxReloadsPerMinute = m_ui->maxReloadsSpin->value();
    config.rules = m_rules->rules();
    config.defaultStrategy = strategyFromName(m_ui->defaultStrategyCombo->currentData().toString())
                                 .value_or(ReloadStrategy::FullRestart);
    config.gamification.enabled = m_ui->gamificationCheck->isChecked();
    return config;
}

QString SettingsDialog::targetFile() const
{
    if (!m_original.sourceFile.isEmpty())
        return m_original.sourceFile;
    return QDir(m_original.projectRoot).filePath(ConfigLoader::fileName.toString());
}

NotificationLevel SettingsDialog::notificationLevel() const
{
    return notificationLevelFromKey(m_ui->notificationsCombo->currentData().toString());
}

QString SettingsDialog::language() const
{
    return m_ui->languageCombo->currentData().toString();
}

void SettingsDialog::scheduleChecks()
{
    if (!m_loading)
        m_checkTimer.start();
}

void SettingsDialog::runChecks()
{
    validate();
    refreshPreviewNow();
    m_ui->pathTester->setConfig(editedConfig());
}

void SettingsDialog::refreshPreviewNow()
{
    m_ui->previewLabel->setText(tr("Counting files…"));
    m_scanner->scan(m_original.projectRoot, watchPaths(), excludes(), m_ui->gitignoreCheck->isChecked());
}

void SettingsDialog::showPreview(const PreviewResult& result)
{
    m_preview = result;
    const QLocale locale;
    QString text = tr("%1 files watched, %2 excluded")
                       .arg(locale.toString(result.watchedFiles), locale.toString(result.excludedFiles));
    if (result.excludedDirectories > 0)
        text += u" "_s + tr("(%n folder(s) skipped as a whole)", nullptr, int(result.excludedDirectories));
    if (result.capped)
        text += u" "_s
            + tr("— stopped counting at %1 entries").arg(locale.toString(PreviewScanner::kMaxEntries));
    if (!result.missingPaths.isEmpty())
        text += u"\n"_s + tr("Not found: %1").arg(result.missingPaths.join(u", "_s));
    m_ui->previewLabel->setText(text);
    Q_EMIT previewUpdated(result);
}

void SettingsDialog::showProblems(const QList<SettingsProblem>& problems)
{
    m_problems = problems;
    const QString reason = m_marker->show(problems);
    saveButton()->setEnabled(reason.isEmpty());
    saveButton()->setToolTip(reason);
}

QStringList SettingsDialog::markedFields() const
{
    return m_marker->markedFields();
}

std::optional<Config> SettingsDialog::validate()
{
    const SettingsCheckResult result
        = SettingsChecks::check(editedConfig(), m_ui->argsEdit->text(), targetFile());
    showProblems(result.problems);
    return result.config;
}

bool SettingsDialog::save(QString* errorMessage)
{
    m_checkTimer.stop(); // checked right here; a pending check would only repeat it
    const std::optional<Config> config = validate();
    if (!config) {
        if (errorMessage)
            *errorMessage = saveButton()->toolTip();
        return false;
    }
    const QString path = targetFile();
    QString error;
    // Only what the user changed is written into the file; its comments and layout stay.
    // What is trusted is the digest of the bytes read back, and only when they say what the
    // user saved: a file swapped in between is not trusted on the user's behalf.
    bool ok = ConfigFileEditor::save(path, m_original, *config, &error);
    const ConfigLoadResult reloaded = ok ? ConfigLoader::loadFile(path) : ConfigLoadResult {};
    if (ok && (!reloaded.ok() || !(*reloaded.config == *config))) {
        error = tr("the file changed while it was being saved");
        ok = false;
    }
    if (!ok || !TrustStore().trust(*reloaded.config, &error)) {
        m_ui->summaryError->setText(tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), error));
        m_ui->summaryError->show();
        if (errorMessage)
            *errorMessage = error;
        return false;
    }
    AppSettings app;
    app.setNotificationLevel(notificationLevel());
    app.setLanguage(language());
    m_rewardsPicker->apply();
    m_original = *reloaded.config; // a second Save edits what is there now
    Q_EMIT saved(m_original);
    // The login entry is touched only when the box changed: an entry the user keeps by hand stays as it is.
    if (m_ui->autostartCheck->isChecked() != Autostart::isEnabled()) {
        const Autostart::Result autostart = Autostart::setEnabled(
            m_ui->autostartCheck->isChecked(), QCoreApplication::applicationFilePath());
        if (!autostart.ok) {
            m_ui->summaryError->setText(tr("Could not change the login entry: %1").arg(autostart.error));
            m_ui->summaryError->show();
            if (errorMessage)
                *errorMessage = autostart.error;
            return false;
        }
        m_ui->autostartNote->setVisible(false); // the user's own entry, if any, is a .bak now
    }
    return true;
}

void SettingsDialog::accept()
{
    if (save())
        QDialog::accept();
}

void SettingsDialog::done(int result)
{
    AppSettings app;
    app.setSettingsGeometry(saveGeometry());
    if (m_mode == Mode::EditProject) // a new project always starts on the Server tab
        app.setSettingsTab(m_ui->tabs->currentIndex());
    QDialog::done(result);
}

void SettingsDialog::updateUrlField()
{
    // The URL means something only for an HTTP server; it is kept (not cleared) for a switch back.
    const bool http
        = m_ui->transportCombo->currentData().toString() == serverTransportName(ServerTransport::Http);
    m_ui->urlEdit->setEnabled(http);
    m_ui->urlLabel->setEnabled(http);
}

} // namespace foxreload::gui
