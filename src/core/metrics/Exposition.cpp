#include "Exposition.h"

#include "common/EnumNames.h"

#include <QLocale>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace foxreload::metrics {

Histogram::Histogram(QList<double> upperBounds)
    : m_upperBounds(std::move(upperBounds))
    , m_counts(m_upperBounds.size(), 0)
{ }

void Histogram::observe(double value)
{
    ++m_count;
    m_sum += value;
    for (qsizetype i = 0; i < m_upperBounds.size(); ++i) {
        if (value <= m_upperBounds.at(i)) {
            ++m_counts[i];
            return;
        }
    }
}

void Histogram::appendSamples(QList<Sample>& samples, const Labels& labels) const
{
    quint64 cumulative = 0;
    for (qsizetype i = 0; i <= m_upperBounds.size(); ++i) {
        const bool last = i == m_upperBounds.size();
        cumulative = last ? m_count : cumulative + m_counts.at(i);
        Labels withBound = labels;
        withBound.append({ u"le"_s, last ? u"+Inf"_s : formatValue(m_upperBounds.at(i)) });
        samples.append({ u"_bucket"_s, withBound, double(cumulative) });
    }
    samples.append({ u"_sum"_s, labels, m_sum });
    samples.append({ u"_count"_s, labels, double(m_count) });
}

const QList<double>& durationBuckets()
{
    static const QList<double> buckets { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30 };
    return buckets;
}

QString formatValue(double value)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"+Inf"_s : u"-Inf"_s;
    // Whole numbers (counts, bytes) without an exponent, the rest as short as exact.
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString escapeLabelValue(const QString& value)
{
    QString escaped = value;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s).replace(u'\n', u"\\n"_s);
    return escaped;
}

namespace {
QString escapeHelp(const QString& help)
{
    QString escaped = help;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'\n', u"\\n"_s);
    return escaped;
}

constexpr EnumName<MetricType> kMetricTypeNames[] {
    { MetricType::Counter, u"counter" },
    { MetricType::Gauge, u"gauge" },
    { MetricType::Histogram, u"histogram" },
};
} // namespace

QString metricTypeName(MetricType type)
{
    return nameOf<MetricType>(kMetricTypeNames, type);
}

std::optional<MetricType> metricTypeFromName(QStringView name)
{
    return valueOf<MetricType>(kMetricTypeNames, name);
}

QByteArray render(const QList<MetricFamily>& families)
{
    QList<MetricFamily> merged;
    for (const MetricFamily& family : families) {
        auto same = std::find_if(merged.begin(), merged.end(),
            [&family](const MetricFamily& other) { return other.name == family.name; });
        if (same == merged.end())
            merged.append(family);
        else
            same->samples += family.samples;
    }

    QString text;
    for (const MetricFamily& family : std::as_const(merged)) {
        text += u"# HELP "_s + family.name + u' ' + escapeHelp(family.help) + u'\n';
        text += u"# TYPE "_s + family.name + u' ' + metricTypeName(family.type) + u'\n';
        for (const Sample& sample : family.samples) {
            text += family.name + sample.suffix;
            if (!sample.labels.isEmpty()) {
                text += u'{';
                for (qsizetype i = 0; i < sample.labels.size(); ++i) {
                    if (i > 0)
                        text += u',';
                    text += sample.labels.at(i).first + u"=\""_s
                        + escapeLabelValue(sample.labels.at(i).second) + u'"';
                }
                text += u'}';
            }
            text += u' ' + formatValue(sample.value) + u'\n';
        }
    }
    return text.toUtf8();
}

} // namespace foxreload::metrics
