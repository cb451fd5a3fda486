// A message broker in the same process (done for you), standing in for RabbitMQ, Kafka or SNS.
// publish() accepts a message and keeps it; while the broker is "down" it throws instead, as a real
// client does when the broker cannot be reached. The HTTP API lets the checks read what was
// published (GET /published) and switch an outage on and off (POST /broker/outage).
export class BrokerUnavailableError extends Error {}

export interface Message {
  id: number;
  type: string;
  payload: unknown;
}

export interface Broker {
  publish(message: Message): Promise<void>;
  published(): Message[];
  setDown(value: boolean): void;
  isDown(): boolean;
}

export function createBroker(): Broker {
  const published: Message[] = [];
  let down = false;
  return {
    async publish(message) {
      await new Promise((resolve) => setTimeout(resolve, 1)); // a network round trip, roughly
      if (down) throw new BrokerUnavailableError('The broker is unavailable (outage)');
      published.push(structuredClone(message));
    },
    published: () => published.map((m) => structuredClone(m)),
    setDown(value) {
      down = Boolean(value);
    },
    isDown: () => down,
  };
}
