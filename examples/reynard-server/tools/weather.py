"""weather: a made-up but repeatable forecast; no network.

Each city has a base climate in the table below (unknown cities get one derived
from their name); the day-by-day numbers come from a random generator seeded
with the city and the day, so the same question always gets the same answer.
Settings: weather.units (metric|imperial), weather.default_days.
"""

import random

NAME = "weather"
TITLE = "Weather forecast (simulated)"
DESCRIPTION = ("Forecast the weather of a city for 1-7 days. The data is simulated and deterministic: "
               "good for demos and tests, useless for picnics.")
INPUT_SCHEMA = {
    "type": "object",
    "properties": {
        "city": {"type": "string", "minLength": 1, "maxLength": 100, "description": "City name, e.g. Paris"},
        "days": {"type": "integer", "minimum": 1, "maximum": 7, "description": "Number of days (default from settings)"},
        "units": {"type": "string", "enum": ["metric", "imperial"], "description": "Overrides weather.units"},
    },
    "required": ["city"],
}
OUTPUT_SCHEMA = {
    "type": "object",
    "properties": {
        "city": {"type": "string"},
        "units": {"type": "string"},
        "simulated": {"type": "boolean"},
        "forecast": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "day": {"type": "integer"},
                    "condition": {"type": "string"},
                    "high": {"type": "number"},
                    "low": {"type": "number"},
                    "precipitationChance": {"type": "integer"},
                    "wind": {"type": "number"},
                },
                "required": ["day", "condition", "high", "low", "precipitationChance", "wind"],
            },
        },
    },
    "required": ["city", "units", "simulated", "forecast"],
}
ANNOTATIONS = {"readOnlyHint": True, "idempotentHint": True, "openWorldHint": False}

# city -> (mean temperature °C, daily spread °C, chance of rain 0-1, mean wind km/h)
CLIMATES = {
    "paris": (13.0, 8.0, 0.35, 14.0),
    "london": (11.5, 7.0, 0.45, 16.0),
    "berlin": (10.5, 9.0, 0.35, 13.0),
    "reykjavik": (5.0, 5.0, 0.55, 24.0),
    "cairo": (23.0, 11.0, 0.02, 12.0),
    "tokyo": (16.5, 7.5, 0.40, 11.0),
    "sydney": (18.5, 7.0, 0.30, 18.0),
    "montreal": (7.5, 10.0, 0.40, 15.0),
    "nairobi": (19.5, 11.0, 0.30, 10.0),
    "lima": (19.0, 5.0, 0.03, 13.0),
}

_CONDITIONS_DRY = ("sunny", "mostly sunny", "partly cloudy", "overcast", "foggy")
_CONDITIONS_WET = ("light rain", "showers", "rain", "thunderstorms")


def _climate(city_key):
    if city_key in CLIMATES:
        return CLIMATES[city_key]
    rng = random.Random(f"climate:{city_key}")
    return (rng.uniform(-2.0, 26.0), rng.uniform(4.0, 12.0), rng.uniform(0.05, 0.6), rng.uniform(6.0, 25.0))


def _day(city_key, day, climate):
    mean, spread, rain, wind = climate
    rng = random.Random(f"{city_key}:{day}")
    centre = mean + rng.uniform(-3.0, 3.0)
    high = centre + spread / 2 + rng.uniform(-1.0, 1.0)
    low = centre - spread / 2 + rng.uniform(-1.0, 1.0)
    wet = rng.random() < rain
    chance = int(round(min(1.0, rain + rng.uniform(0.2, 0.4)) * 100)) if wet else int(round(rain * rng.uniform(0.1, 0.8) * 100))
    if wet:
        condition = "snow" if high < 1.0 else rng.choice(_CONDITIONS_WET)
    else:
        condition = rng.choice(_CONDITIONS_DRY)
    return {"day": day, "condition": condition, "high": high, "low": low,
            "precipitationChance": chance, "wind": max(0.0, wind + rng.uniform(-6.0, 8.0))}


def call(arguments, context):
    settings = context.settings.get("weather", {})
    units = arguments.get("units") or settings.get("units", "metric")
    if units not in ("metric", "imperial"):
        raise ValueError(f"weather.units must be metric or imperial, got {units!r}")
    days = int(arguments.get("days") or settings.get("default_days", 3))
    city = " ".join(arguments["city"].split())
    key = city.lower()
    climate = _climate(key)
    forecast = []
    for number in range(1, days + 1):
        entry = _day(key, number, climate)
        if units == "imperial":
            entry["high"] = entry["high"] * 9 / 5 + 32
            entry["low"] = entry["low"] * 9 / 5 + 32
            entry["wind"] = entry["wind"] / 1.609344
        entry["high"] = round(entry["high"], 1)
        entry["low"] = round(entry["low"], 1)
        entry["wind"] = round(entry["wind"], 1)
        forecast.append(entry)
    return {"city": city, "units": units, "simulated": True, "forecast": forecast}
