#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringView>

#include <optional>

namespace foxreload::metrics {

// The Prometheus text exposition format (version 0.0.4), the part FoxReload needs:
// counters, gauges and histograms with labels. Families are plain data, so that the
// metrics of several sessions can be merged into one page before it is written.

using Labels = QList<QPair<QString, QString>>; // in the order they are written

enum class MetricType { Counter, Gauge, Histogram };
QString metricTypeName(MetricType type); // "counter", "gauge", "histogram": the # TYPE line's word
std::optional<MetricType> metricTypeFromName(QStringView name);

struct Sample
{
    QString suffix; // "" for the family's own name, "_bucket", "_sum", "_count"
    Labels labels;
    double value = 0;
};

struct MetricFamily
{
    QString name;
    QString help;
    MetricType type = MetricType::Counter;
    QList<Sample> samples;
};

// Histogram with fixed upper bounds; cumulative counts are worked out when it is written.
class Histogram
{
public:
    explicit Histogram(QList<double> upperBounds);
    void observe(double value);
    // Appends the _bucket, _sum and _count samples, each with `labels` (plus le for buckets).
    void appendSamples(QList<Sample>& samples, const Labels& labels) const;
    quint64 count() const { return m_count; }
    double sum() const { return m_sum; }

private:
    QList<double> m_upperBounds;
    QList<quint64> m_counts; // per bucket, not cumulative
    quint64 m_count = 0;
    double m_sum = 0;
};

// Seconds: 5 ms to 30 s, for reload, build and detection durations.
const QList<double>& durationBuckets();

// The text of one page. Families with the same name (from several sessions) are written
// once, with the samples of all of them, in first-seen order.
QByteArray render(const QList<MetricFamily>& families);

QString formatValue(double value);
QString escapeLabelValue(const QString& value);

inline constexpr char kContentType[] = "text/plain; version=0.0.4; charset=utf-8";

} // namespace foxreload::metrics
