Console.WriteLine("guidancebot");
