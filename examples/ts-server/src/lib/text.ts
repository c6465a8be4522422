// A helper no rule names: FoxReload follows the imports to the tools that use it and hot
// reloads them; the adapter re-reads this file along with them.
export function words(text: string): string[] {
    return text.split(/\s+/).filter((word) => word.length > 0);
}

export function titleCase(text: string): string {
    return words(text)
        .map((word) => word[0].toUpperCase() + word.slice(1))
        .join(" ");
}
