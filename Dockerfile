# Build stage: check the types and bundle src/ into dist/ (TypeScript and esbuild are dev dependencies).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts/bundle.mjs ./scripts/
RUN npm run build

# Dependencies stage: production dependencies only.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts

# Runtime stage: the bundled app as the unprivileged `node` user. No Java here: in compose the database is
# the neo4j service, reached through NEO4J_URI. The workbench pages are served as they are, from src/.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY bin ./bin
COPY --from=build /app/dist ./dist
COPY src/server/pages ./src/server/pages
COPY cypher ./cypher
COPY data ./data
COPY seed ./seed
COPY schema ./schema
USER node
EXPOSE 4000
CMD ["node", "bin/seslip-kg.js", "serve"]
