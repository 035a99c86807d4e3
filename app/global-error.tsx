"use client";
// Last resort when the root layout itself fails: no translations or styles are available.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "3rem 1rem", textAlign: "center" }}>
        <h1>Something went wrong</h1>
        <p>The shop could not be loaded. Please try again in a moment.</p>
        <button type="button" onClick={reset} style={{ marginTop: "1rem", padding: "0.6rem 1.2rem" }}>
          Try again
        </button>
      </body>
    </html>
  );
}
