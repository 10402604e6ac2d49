import { Alert } from "@/components/Alert";
import { Button } from "@/components/Button";
import { Card } from "@/components/Card";
import { describeEvent } from "@/lib/routes/registry";
import type { MigrationResult } from "./SignAndMigrate";

/** What the transaction did, read from the Migrator's events and described by each event's route. */
export function MigrationReceipt({ result, onAgain }: { result: MigrationResult; onAgain: () => void }) {
  return (
    <Card title="Migrated">
      <Alert tone="success">
        Done in one transaction (<code className="break-all">{result.hash}</code>,{" "}
        {result.gasUsed.toLocaleString("en-US")} gas).
      </Alert>
      <ul className="space-y-2 text-sm" aria-label="Migrated positions">
        {result.events.map((event) => {
          const { title, detail } = describeEvent(event, result.legs);
          return (
            // A batch moves each source once.
            <li key={`${event.route}-${event.source}`}>
              <p className={detail ? "font-medium" : undefined}>{title}</p>
              {detail ? <p>{detail}</p> : null}
            </li>
          );
        })}
      </ul>
      <Button variant="secondary" onClick={onAgain}>
        Migrate another position
      </Button>
    </Card>
  );
}
