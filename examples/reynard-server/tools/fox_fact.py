"""fox_fact: a fact about foxes, by number or the next one in turn."""

import itertools

NAME = "fox_fact"
TITLE = "Fox fact"
DESCRIPTION = "Tell a fact about foxes. Give index for a particular fact; without it the facts take turns."
INPUT_SCHEMA = {
    "type": "object",
    "properties": {"index": {"type": "integer", "minimum": 0, "description": "Which fact (wraps around)"}},
}
OUTPUT_SCHEMA = {
    "type": "object",
    "properties": {"index": {"type": "integer"}, "of": {"type": "integer"}, "fact": {"type": "string"}},
    "required": ["index", "of", "fact"],
}
ANNOTATIONS = {"readOnlyHint": True, "openWorldHint": False}

FACTS = (
    "Foxes belong to the dog family, Canidae, together with wolves, jackals and domestic dogs.",
    "The red fox is the most widespread wild carnivore in the world: it lives across the northern "
    "hemisphere and was introduced to Australia.",
    "Arctic foxes change coats with the seasons: white in winter, brown or grey in summer.",
    "The fennec fox of the Sahara is the smallest fox; its huge ears help it lose heat and hear prey under sand.",
    "Grey foxes of the Americas can climb trees, which very few canids can do.",
    "A fox's pupils are vertical slits, like a cat's, which suits an animal that hunts at dusk and at night.",
    "Foxes bury food they cannot finish and come back for it later, a habit called caching.",
    "When a red fox hunts mice under snow it leaps high and dives in head first; studies suggest it "
    "pounces more successfully when facing roughly north-east.",
    "A fox's bushy tail, its brush, helps it balance and is wrapped around the body for warmth in the cold.",
    "Red fox cubs, called kits, are born blind and usually in litters of four to six.",
    "A group of foxes is sometimes called a skulk or a leash.",
    "Reynard is the trickster fox of medieval European fables, which is where this server gets its name.",
)

_turn = itertools.count()


def call(arguments, context):
    index = arguments["index"] if "index" in arguments else next(_turn)
    index = int(index) % len(FACTS)
    return {"index": index, "of": len(FACTS), "fact": FACTS[index]}
