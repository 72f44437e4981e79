-- What a participant took over when a unit was merged into its unit mid-movement (src/domain/movement/succession.ts).
ALTER TABLE "participants" ADD COLUMN "succession" jsonb DEFAULT '[]'::jsonb NOT NULL;
