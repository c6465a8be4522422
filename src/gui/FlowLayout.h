#pragma once

#include <QLayout>
#include <QList>

namespace foxreload::gui {

// Lays its items out in rows that wrap at the available width (like words in a
// paragraph), so a grid of badges reflows instead of scrolling sideways. Reports
// heightForWidth, so a scroll area around it only ever scrolls vertically.
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget* parent = nullptr, int spacing = 8);
    ~FlowLayout() override;

    void addItem(QLayoutItem* item) override;
    int count() const override;
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;

private:
    int arrange(const QRect& rect, bool apply) const; // returns the height used

    QList<QLayoutItem*> m_items;
};

} // namespace foxreload::gui
